<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Open Content %1</source>
        <translation>Открыть содержание %1</translation>
    </message>
    <message>
        <source>Open Style %1</source>
        <translation>Открыть стиль %1</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Бета</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Эпсилон</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Альфа</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Load Parameters from %1</source>
        <translation>Загрузить параметры из %1</translation>
    </message>
    <message>
        <source>Use Depth Map %1</source>
        <translation>Использовать карту глубины %1</translation>
    </message>
    <message>
        <source>Apply Preset %1</source>
        <translation>Применить предустановку %1</translation>
    </message>
    <message>
        <source>Matched strength</source>
        <translation>Равная сила</translation>
    </message>
    <message>
        <source>Content size</source>
        <translation>Размер содержимого</translation>
    </message>
    <message>
        <source>Style size</source>
        <translation>Размер стиля</translation>
    </message>
    <message>
        <source>Depth source</source>
        <translation>Источник глубины</translation>
    </message>
    <message>
        <source>Fast decoding</source>
        <translation>Быстрое декодирование</translation>
    </message>
    <message>
        <source>original</source>
        <translation>исходный</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 пкс</translation>
    </message>
    <message>
        <source>on</source>
        <translation>вкл.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>plain AdaIN</source>
        <translation>обычный AdaIN</translation>
    </message>
    <message>
        <source>DA-AdaIN</source>
        <translation>DA-AdaIN</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>MiDaS</source>
        <translation>MiDaS</translation>
    </message>
    <message>
        <source>Brighter is farther</source>
        <translation>Светлее — дальше</translation>
    </message>
    <message>
        <source>Depth black point</source>
        <translation>Чёрная точка глубины</translation>
    </message>
    <message>
        <source>Depth white point</source>
        <translation>Белая точка глубины</translation>
    </message>
    <message>
        <source>Depth gamma</source>
        <translation>Гамма глубины</translation>
    </message>
    <message>
        <source>Invert depth</source>
        <translation>Обратить глубину</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Фокус</translation>
    </message>
    <message>
        <source>Set Focus</source>
        <translation>Задать фокус</translation>
    </message>
    <message>
        <source>Clear Focus</source>
        <translation>Убрать фокус</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Цвета</translation>
    </message>
    <message>
        <source>style matched to photo</source>
        <translation>стиль подогнан к фото</translation>
    </message>
    <message>
        <source>photo&apos;s colours</source>
        <translation>цвета фото</translation>
    </message>
    <message>
        <source>style&apos;s colours</source>
        <translation>цвета стиля</translation>
    </message>
    <message>
        <source>Erase Strength Paint</source>
        <translation>Стереть роспись силы</translation>
    </message>
    <message>
        <source>Paint Strength</source>
        <translation>Роспись силы</translation>
    </message>
    <message>
        <source>Erase Depth Paint</source>
        <translation>Стереть роспись глубины</translation>
    </message>
    <message>
        <source>Paint Depth</source>
        <translation>Роспись глубины</translation>
    </message>
    <message>
        <source>Style weights</source>
        <translation>Веса стилей</translation>
    </message>
    <message>
        <source>Style mix</source>
        <translation>Смешение стилей</translation>
    </message>
    <message>
        <source>near and far</source>
        <translation>близко и далеко</translation>
    </message>
    <message>
        <source>by weight</source>
        <translation>по весам</translation>
    </message>
    <message>
        <source>Add Style %1</source>
        <translation>Добавить стиль %1</translation>
    </message>
    <message>
        <source>Remove Style %1</source>
        <translation>Убрать стиль %1</translation>
    </message>
    <message>
        <source>Open Work %1</source>
        <translation>Открыть работу %1</translation>
    </message>
    <message>
        <source>Use Variation β = %1, ε = %2</source>
        <translation>Взять вариант β = %1, ε = %2</translation>
    </message>
</context>
<context>
    <name>EngineError</name>
    <message>
        <source>no such file</source>
        <translation>нет такого файла</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>это папка, а не файл</translation>
    </message>
    <message>
        <source>cannot be opened for reading</source>
        <translation>не открывается для чтения</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>не открывается</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>ошибка чтения</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>файл пуст (0 байт)</translation>
    </message>
    <message>
        <source>not an image in a supported format (JPEG, PNG, TIFF, WebP, BMP)</source>
        <translation>не изображение в поддерживаемом формате (JPEG, PNG, TIFF, WebP, BMP)</translation>
    </message>
    <message>
        <source>the image data is truncated or damaged</source>
        <translation>данные изображения обрезаны или повреждены</translation>
    </message>
    <message>
        <source>the image data is truncated</source>
        <translation>данные изображения обрезаны</translation>
    </message>
    <message>
        <source>cannot be decoded</source>
        <translation>не удаётся декодировать</translation>
    </message>
    <message>
        <source>the map holds NaN or infinite values</source>
        <translation>в карте есть NaN или бесконечные значения</translation>
    </message>
    <message>
        <source>there is no picture to write</source>
        <translation>нет изображения для записи</translation>
    </message>
    <message>
        <source>unknown image extension; use .png, .jpg, .tif, .webp or .bmp</source>
        <translation>неизвестное расширение изображения; используйте .png, .jpg, .tif, .webp или .bmp</translation>
    </message>
    <message>
        <source>write failed (disk full?)</source>
        <translation>запись не удалась (диск заполнен?)</translation>
    </message>
    <message>
        <source>refusing to overwrite an input file</source>
        <translation>входной файл не будет перезаписан</translation>
    </message>
    <message>
        <source>cannot write: it is a directory</source>
        <translation>запись невозможна: это папка</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>запись невозможна</translation>
    </message>
    <message>
        <source>cannot encode the image</source>
        <translation>не удаётся закодировать изображение</translation>
    </message>
    <message>
        <source>cannot replace the file</source>
        <translation>не удаётся заменить файл</translation>
    </message>
    <message>
        <source>cannot write into its folder</source>
        <translation>не удаётся писать в его папку</translation>
    </message>
    <message>
        <source>model file not found; install the models with packaging/fetch-models.sh</source>
        <translation>файл модели не найден; установите модели с помощью packaging/fetch-models.sh</translation>
    </message>
    <message>
        <source>not a TorchScript model that LibTorch can load</source>
        <translation>не модель TorchScript, которую может загрузить LibTorch</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>папка не существует</translation>
    </message>
    <message>
        <source>cannot make a folder here</source>
        <translation>здесь не удаётся создать папку</translation>
    </message>
    <message>
        <source>cannot replace the file there</source>
        <translation>не удаётся заменить файл там</translation>
    </message>
    <message>
        <source>cannot move the new file into place</source>
        <translation>не удаётся переместить новый файл на место</translation>
    </message>
    <message>
        <source>cannot write into the folder</source>
        <translation>не удаётся писать в папку</translation>
    </message>
    <message>
        <source>bad parameter</source>
        <translation>неверный параметр</translation>
    </message>
    <message>
        <source>not a DepthStyle sidecar</source>
        <translation>не файл параметров DepthStyle</translation>
    </message>
    <message>
        <source>not a DepthStyle sidecar (larger than 1 MiB)</source>
        <translation>не файл параметров DepthStyle (больше 1 МиБ)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>the image is %1x%2 pixels; the smaller side must be at least %3</source>
        <translation>изображение — %1x%2 пикселей; меньшая сторона должна быть не меньше %3</translation>
    </message>
    <message>
        <source>at %1x%2 the image exceeds the limit of %3 megapixels; choose a smaller size</source>
        <translation>при размере %1x%2 изображение превышает предел в %3 мегапикселей; выберите размер поменьше</translation>
    </message>
    <message>
        <source>the image has %1x%2 pixels, more than the limit of %3 megapixels</source>
        <translation>в изображении %1x%2 пикселей, больше предела в %3 мегапикселей</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, a device or a socket)</source>
        <translation>не обычный файл (канал, устройство или сокет)</translation>
    </message>
    <message>
        <source>the image declares %1x%2 pixels, more than the limit of %3 megapixels</source>
        <translation>изображение заявляет %1x%2 пикселей, больше предела в %3 мегапикселей</translation>
    </message>
    <message>
        <source>the model file is empty (0 bytes)</source>
        <translation>файл модели пуст (0 байт)</translation>
    </message>
    <message>
        <source>is in PyTorch&apos;s legacy (non-zip) format, as published; convert it with packaging/fetch-models.sh --from &lt;folder holding the downloaded files&gt;</source>
        <translation>в старом формате PyTorch (не zip), как опубликован; преобразуйте его: packaging/fetch-models.sh --from &lt;папка со скачанными файлами&gt;</translation>
    </message>
    <message>
        <source>not a PyTorch state dict (expected the zip format written by torch.save)</source>
        <translation>не словарь состояния PyTorch (ожидается формат zip, который пишет torch.save)</translation>
    </message>
    <message>
        <source>does not hold a plain dict of tensors that LibTorch can read; convert it with packaging/fetch-models.sh --from &lt;folder holding the file&gt;</source>
        <translation>не содержит простого словаря тензоров, который может прочитать LibTorch; преобразуйте его: packaging/fetch-models.sh --from &lt;папка с файлом&gt;</translation>
    </message>
    <message>
        <source>cannot be read as a PyTorch state dict</source>
        <translation>не читается как словарь состояния PyTorch</translation>
    </message>
    <message>
        <source>does not hold a state dict (a mapping of names to tensors)</source>
        <translation>не содержит словаря состояния (соответствия имён тензорам)</translation>
    </message>
    <message>
        <source>MiDaS model file not found; install the models with packaging/fetch-models.sh, or give a depth map file instead</source>
        <translation>файл модели MiDaS не найден; установите модели с помощью packaging/fetch-models.sh или укажите файл карты глубины</translation>
    </message>
    <message>
        <source>the depth model&apos;s output holds NaN or infinite values</source>
        <translation>в выходе модели глубины есть NaN или бесконечные значения</translation>
    </message>
    <message>
        <source>the depth model failed on a 1x3x256x256 input</source>
        <translation>модель глубины не справилась со входом 1x3x256x256</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is missing (expected shape %2)</source>
        <translation>нет тензора «%1» (ожидается форма %2)</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2, expected %3</source>
        <translation>тензор «%1» формы %2, а ожидается %3</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is not a floating-point tensor</source>
        <translation>тензор «%1» не с плавающей точкой</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; holds NaN or infinite values</source>
        <translation>в тензоре «%1» есть NaN или бесконечные значения</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; is not a tensor (expected shape %2)</source>
        <translation>запись «%1» не тензор (ожидается форма %2)</translation>
    </message>
    <message>
        <source>the file name is too long (at most %1 bytes here, to leave room for the temporary name)</source>
        <translation>имя файла слишком длинное (здесь не больше %1 байт, чтобы осталось место для временного имени)</translation>
    </message>
    <message>
        <source>WebP holds at most %1 pixels a side; this picture is %2 (use .png or .tif)</source>
        <translation>WebP вмещает не больше %1 пикселей по стороне; это изображение — %2 (используйте .png или .tif)</translation>
    </message>
    <message>
        <source>bad parameter: &quot;%1&quot; must be a number in [%2, %3]</source>
        <translation>неверный параметр: «%1» должен быть числом в [%2, %3]</translation>
    </message>
    <message>
        <source>bad parameter: &quot;%1&quot; must be a whole number of pixels</source>
        <translation>неверный параметр: «%1» должен быть целым числом пикселей</translation>
    </message>
    <message>
        <source>bad parameter: &quot;%1&quot; must be true or false</source>
        <translation>неверный параметр: «%1» должен быть true или false</translation>
    </message>
    <message>
        <source>bad parameter: &quot;%1&quot; must be one of %2</source>
        <translation>неверный параметр: «%1» должен быть одним из: %2</translation>
    </message>
    <message>
        <source>not listed in the model set&apos;s manifest &apos;%1&apos;; reinstall the set with packaging/fetch-models.sh --force (or --from FOLDER)</source>
        <translation>не указан в описи набора моделей «%1»; установите набор заново: packaging/fetch-models.sh --force (или --from ПАПКА)</translation>
    </message>
    <message>
        <source>does not match the model set&apos;s manifest &apos;%1&apos; (a set mixed from two installations, or a file changed after installing); reinstall the set with packaging/fetch-models.sh --force (or --from FOLDER)</source>
        <translation>не совпадает с описью набора моделей «%1» (набор смешан из двух установок или файл изменён после установки); установите набор заново: packaging/fetch-models.sh --force (или --from ПАПКА)</translation>
    </message>
    <message>
        <source>a float depth map must have one channel; this one has %1 channels that differ (save the depth as a one-channel TIFF)</source>
        <translation>карта глубины с плавающей точкой должна быть одноканальной, а у этой %1 различающихся канала (сохраните глубину как одноканальный TIFF)</translation>
    </message>
    <message>
        <source>out of memory while decoding the image; choose a smaller content size, or close other programs</source>
        <translation>не хватило памяти при декодировании изображения; выберите размер поменьше или закройте другие программы</translation>
    </message>
    <message>
        <source>out of memory while scaling the image; choose a smaller content size, or close other programs</source>
        <translation>не хватило памяти при масштабировании изображения; выберите размер поменьше или закройте другие программы</translation>
    </message>
    <message>
        <source>at %1x%2 the render needs about %3 of memory, and %4 is available; choose a content size of at most %5 pixels on the smaller side</source>
        <translation>при размере %1x%2 для обработки нужно около %3 памяти, а доступно %4; выберите размер не больше %5 пикселей по меньшей стороне</translation>
    </message>
    <message>
        <source>at %1x%2 the render needs about %3 of memory, and %4 is available; close other programs or use a machine with more memory</source>
        <translation>при размере %1x%2 для обработки нужно около %3 памяти, а доступно %4; закройте другие программы или возьмите машину с большим объёмом памяти</translation>
    </message>
    <message>
        <source>out of memory while rendering at %1x%2; choose a smaller content size, or close other programs</source>
        <translation>не хватило памяти при обработке в размере %1x%2; выберите размер поменьше или закройте другие программы</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Paper (beta 20, epsilon 0.15)</source>
        <translation>Как в статье (бета 20, эпсилон 0,15)</translation>
    </message>
    <message>
        <source>Subtle (beta 8, epsilon 0.4)</source>
        <translation>Мягко (бета 8, эпсилон 0,4)</translation>
    </message>
    <message>
        <source>Strong depth (beta 50, epsilon 0.05)</source>
        <translation>Сильная глубина (бета 50, эпсилон 0,05)</translation>
    </message>
    <message>
        <source>Plain AdaIN, full style</source>
        <translation>Обычный AdaIN, полный стиль</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <source>Compute &amp;Threads</source>
        <translation>Вычислительные &amp;потоки</translation>
    </message>
    <message>
        <source>Every Core (%1)</source>
        <translation>Все ядра (%1)</translation>
    </message>
    <message>
        <source>The compute threads change when DepthStyle starts again.</source>
        <translation>Число вычислительных потоков изменится при следующем запуске DepthStyle.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Content…</source>
        <translation>Открыть &amp;содержание…</translation>
    </message>
    <message>
        <source>Open &amp;Style…</source>
        <translation>Открыть с&amp;тиль…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Depth Map…</source>
        <translation>Открыть карту &amp;глубины…</translation>
    </message>
    <message>
        <source>Recent Content</source>
        <translation>Недавние фотографии</translation>
    </message>
    <message>
        <source>Recent Styles</source>
        <translation>Недавние стили</translation>
    </message>
    <message>
        <source>&amp;Export Result…</source>
        <translation>&amp;Экспортировать результат…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;All…</source>
        <translation>Экспортировать &amp;всё…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Load Parameters…</source>
        <translation>&amp;Загрузить параметры…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Copy Result</source>
        <translation>&amp;Копировать результат</translation>
    </message>
    <message>
        <source>&amp;Paste as Content</source>
        <translation>Вставить как &amp;содержание</translation>
    </message>
    <message>
        <source>Paste as St&amp;yle</source>
        <translation>Вставить как с&amp;тиль</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The language changes when DepthStyle starts again.</source>
        <translation>Язык сменится при следующем запуске DepthStyle.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Result Only</source>
        <translation>Только результат</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Рядом</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Fit All Panes</source>
        <translation>&amp;Вписать все панели</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Result at &amp;100%</source>
        <translation>Результат в &amp;100%</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>&amp;Enlarge Result…</source>
        <translation>&amp;Открыть результат крупно…</translation>
    </message>
    <message>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Предустановки</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>&amp;Link Zoom Across Panes</source>
        <translation>&amp;Связать масштаб панелей</translation>
    </message>
    <message>
        <source>Zooming or panning one picture shows the same spot in the content, depth, strength and result panes</source>
        <translation>Масштаб и сдвиг одной картинки показывают то же место на панелях содержимого, глубины, силы и результата</translation>
    </message>
    <message>
        <source>&amp;Delete Preset</source>
        <translation>&amp;Удалить предустановку</translation>
    </message>
    <message>
        <source>&amp;Save Current as Preset…</source>
        <translation>&amp;Сохранить текущие как предустановку…</translation>
    </message>
    <message>
        <source>&amp;Import Preset from depthstyle.json…</source>
        <translation>&amp;Импортировать предустановку из depthstyle.json…</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Шторка</translation>
    </message>
    <message>
        <source>&amp;Compare With</source>
        <translation>&amp;Сравнивать с</translation>
    </message>
    <message>
        <source>&amp;Plain AdaIN</source>
        <translation>&amp;Обычным AdaIN</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>The P&amp;hoto</source>
        <translation>&amp;Фотографией</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>The &amp;Last Export</source>
        <translation>&amp;Последним экспортом</translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <source>Open &amp;Work…</source>
        <translation>Открыть &amp;работу…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>&amp;Save Work…</source>
        <translation>&amp;Сохранить работу…</translation>
    </message>
    <message>
        <source>&amp;Variations…</source>
        <translation>&amp;Варианты…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::BrushPanel</name>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Кисть</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation>Жёсткость</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Непрозрачность</translation>
    </message>
    <message>
        <source>Off: drag pans, click sets the focus</source>
        <translation>Выкл.: перетаскивание сдвигает, щелчок задаёт фокус</translation>
    </message>
    <message>
        <source>Keep content / nearer (white)</source>
        <translation>Сохранить содержание / ближе (белый)</translation>
    </message>
    <message>
        <source>Full style / farther (black)</source>
        <translation>Полный стиль / дальше (чёрный)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Ластик</translation>
    </message>
    <message>
        <source>Brush mode</source>
        <translation>Режим кисти</translation>
    </message>
    <message>
        <source>Paint on the strength map or the result to keep the content (white) or give full style (black) there, past Algorithm 1; on the depth pane, to make things nearer (white) or farther (black). The eraser gives back Algorithm 1&apos;s strength, or the estimated depth. Each stroke is one undo step; hold Space to pan.</source>
        <translation>Рисуйте на карте силы или на результате, чтобы сохранить там содержание (белый) или дать полный стиль (чёрный) поверх алгоритма 1; на панели глубины — чтобы сделать ближе (белый) или дальше (чёрный). Ластик возвращает силу алгоритма 1 или оценённую глубину. Каждый мазок — один шаг отмены; удерживайте пробел, чтобы сдвигать.</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Размер кисти</translation>
    </message>
    <message>
        <source>Diameter in pixels of the picture as stylized.</source>
        <translation>Диаметр в пикселях картинки, как она стилизуется.</translation>
    </message>
    <message>
        <source>Brush hardness</source>
        <translation>Жёсткость кисти</translation>
    </message>
    <message>
        <source>Share of the radius painted at full strength; the rest fades out.</source>
        <translation>Доля радиуса, закрашиваемая в полную силу; дальше краска сходит на нет.</translation>
    </message>
    <message>
        <source>Brush opacity</source>
        <translation>Непрозрачность кисти</translation>
    </message>
    <message>
        <source>The most one stroke covers, however often it passes over a spot.</source>
        <translation>Наибольшее покрытие одного мазка, сколько бы раз он ни проходил по месту.</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ComparePane</name>
    <message>
        <source>DA-AdaIN</source>
        <translation>DA-AdaIN</translation>
    </message>
    <message>
        <source>AdaIN</source>
        <translation>AdaIN</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::DecoderSpeedAdvisor</name>
    <message>
        <source>Fast decoding is not faster on this processor: bfloat16 decoded at %1x the speed of full precision (%2). Full precision is recommended here: it is as fast and exact.</source>
        <translation>Быстрое декодирование на этом процессоре не быстрее: bfloat16 декодирует со скоростью %1x от полной точности (%2). Здесь лучше полная точность: она так же быстра и точна.</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::DepthLevelsBar</name>
    <message>
        <source>Black</source>
        <translation>Чёрная</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Белая</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Гамма</translation>
    </message>
    <message>
        <source>&amp;Invert depth</source>
        <translation>&amp;Обратить глубину</translation>
    </message>
    <message>
        <source>Clear &amp;focus</source>
        <translation>Убрать &amp;фокус</translation>
    </message>
    <message>
        <source>Depth black point</source>
        <translation>Чёрная точка глубины</translation>
    </message>
    <message>
        <source>Proximity at or below this (0 to 1, after normalising) counts as the farthest. Raise it when the background is judged too near.</source>
        <translation>Близость не выше этой (от 0 до 1, после нормировки) считается самой дальней. Поднимите, если фон оценён слишком близким.</translation>
    </message>
    <message>
        <source>Depth white point</source>
        <translation>Белая точка глубины</translation>
    </message>
    <message>
        <source>Proximity at or above this counts as the nearest. Lower it to treat more of the picture as foreground.</source>
        <translation>Близость не ниже этой считается самой ближней. Опустите, чтобы большая часть картинки считалась передним планом.</translation>
    </message>
    <message>
        <source>Depth gamma</source>
        <translation>Гамма глубины</translation>
    </message>
    <message>
        <source>Above 1 pushes middle depths nearer, below 1 farther: p&apos; = p^(1/gamma) after the black and white points.</source>
        <translation>Больше 1 приближает средние глубины, меньше 1 — удаляет: p&apos; = p^(1/гамма) после чёрной и белой точек.</translation>
    </message>
    <message>
        <source>Invert depth</source>
        <translation>Обратить глубину</translation>
    </message>
    <message>
        <source>Swap near and far, after the levels: for depth maps the wrong way round, or to stylize the foreground instead.</source>
        <translation>Поменять местами близкое и далёкое (после уровней): для карт глубины наоборот или чтобы стилизовать передний план.</translation>
    </message>
    <message>
        <source>Clear focus</source>
        <translation>Убрать фокус</translation>
    </message>
    <message>
        <source>Forget the focus point (click the result or depth pane to set one; Alt+click also clears it).</source>
        <translation>Забыть точку фокуса (щелчок по панели результата или глубины задаёт её; Alt+щелчок тоже убирает).</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ExportController</name>
    <message>
        <source>Overwrite an Input?</source>
        <translation>Перезаписать исходный файл?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is one of the images you are working on. Overwrite it?</source>
        <translation>«%1» — одно из изображений, с которыми вы работаете. Перезаписать его?</translation>
    </message>
    <message>
        <source>There is no result to export yet.</source>
        <translation>Результата для экспорта пока нет.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message>
        <source>Rendering and exporting to %1…</source>
        <translation>Отрисовка и экспорт в %1…</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>Экспортировано файлов: %1, папка %2</translation>
    </message>
    <message>
        <source>Exported the result to %1</source>
        <translation>Результат экспортирован в %1</translation>
    </message>
    <message>
        <source>Export Result</source>
        <translation>Экспорт результата</translation>
    </message>
    <message>
        <source>PNG (*.png);;JPEG (*.jpg);;TIFF (*.tif);;WebP (*.webp)</source>
        <translation>PNG (*.png);;JPEG (*.jpg);;TIFF (*.tif);;WebP (*.webp)</translation>
    </message>
    <message>
        <source>Export Quality</source>
        <translation>Качество экспорта</translation>
    </message>
    <message>
        <source>Quality (1-100):</source>
        <translation>Качество (1–100):</translation>
    </message>
    <message>
        <source>Export All into Folder</source>
        <translation>Экспортировать всё в папку</translation>
    </message>
    <message>
        <source>The result of these settings is still rendering.</source>
        <translation>Результат с этими настройками ещё отрисовывается.</translation>
    </message>
    <message>
        <source>There is no result to copy yet.</source>
        <translation>Результата для копирования пока нет.</translation>
    </message>
    <message>
        <source>Load Parameters</source>
        <translation>Загрузить параметры</translation>
    </message>
    <message>
        <source>DepthStyle sidecar (*.json)</source>
        <translation>Параметры DepthStyle (*.json)</translation>
    </message>
    <message>
        <source>Replace the Exported Set?</source>
        <translation>Заменить экспортированный набор?</translation>
    </message>
    <message>
        <source>%1 already holds an exported set (%2). Replace it?</source>
        <translation>В папке %1 уже есть экспортированный набор (%2). Заменить его?</translation>
    </message>
    <message>
        <source>Rendering the export… %1%</source>
        <translation>Экспорт отрисовывается… %1%</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <source>Export Size</source>
        <translation>Размер экспорта</translation>
    </message>
    <message>
        <source>Export at the working size, as the window shows it, or render the photo at its full resolution? The full-resolution render runs in the background with the style scaled alike, so strokes keep their size relative to the picture.</source>
        <translation>Экспортировать в рабочем размере, как показывает окно, или отрисовать фотографию в полном разрешении? Полное разрешение отрисовывается в фоне, стиль масштабируется так же, и мазки сохраняют размер относительно картины.</translation>
    </message>
    <message>
        <source>Export to %1 cancelled; nothing was written.</source>
        <translation>Экспорт в %1 отменён; ничего не записано.</translation>
    </message>
    <message>
        <source>Full resolution is not possible here: %1</source>
        <translation>Полное разрешение здесь невозможно: %1</translation>
    </message>
    <message>
        <source>%1 mixes several styles; add them with Add Style to mix them again.</source>
        <translation>%1 смешивает несколько стилей; добавьте их кнопкой «Добавить стиль», чтобы смешать снова.</translation>
    </message>
    <message>
        <source>Working Size (%1)</source>
        <translation>Рабочий размер (%1)</translation>
    </message>
    <message>
        <source>Export at the working size, as the window shows it, or render the photo at its own, smaller size? That render runs in the background with the style scaled alike, so strokes keep their size relative to the picture.</source>
        <translation>Экспортировать в рабочем размере, как показывает окно, или отрисовать фотографию в её собственном, меньшем размере? Она отрисовывается в фоне, стиль масштабируется так же, и мазки сохраняют размер относительно картины.</translation>
    </message>
    <message>
        <source>Photo&apos;s Size (%1)</source>
        <translation>Размер фотографии (%1)</translation>
    </message>
    <message>
        <source>Full Resolution (%1)</source>
        <translation>Полное разрешение (%1)</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ImagePane</name>
    <message>
        <source>%1 image. Scroll to zoom, drag to pan, double-click to switch between fit and 100%.</source>
        <translation>%1: изображение. Колёсико — масштаб, перетаскивание — сдвиг, двойной щелчок — вписать или 100%.</translation>
    </message>
    <message>
        <source>Fit to Pane</source>
        <translation>Вписать в панель</translation>
    </message>
    <message>
        <source>Actual Size (100%)</source>
        <translation>Исходный размер (100%)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Enlarge…</source>
        <translation>Открыть крупно…</translation>
    </message>
    <message>
        <source>Not yet updated to the current settings.</source>
        <translation>Ещё не обновлено под текущие настройки.</translation>
    </message>
    <message>
        <source>updating…</source>
        <translation>обновляется…</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Not updated to the current settings: the render stopped.</source>
        <translation>Не обновлено под текущие настройки: расчёт остановлен.</translation>
    </message>
    <message>
        <source>not updated</source>
        <translation>не обновлено</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::InputLoader</name>
    <message>
        <source>Open Content Image</source>
        <translation>Открыть изображение содержания</translation>
    </message>
    <message>
        <source>Open Style Image</source>
        <translation>Открыть изображение стиля</translation>
    </message>
    <message>
        <source>Open Depth Map</source>
        <translation>Открыть карту глубины</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>В буфере обмена нет изображения.</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>вставленное изображение</translation>
    </message>
    <message>
        <source>Use as Content</source>
        <translation>Использовать как содержание</translation>
    </message>
    <message>
        <source>Use as Style</source>
        <translation>Использовать как стиль</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
    <message>
        <source>The depth map %1 was made for the previous photo: the depth now comes from MiDaS. Undo brings both back.</source>
        <translation>Карта глубины %1 была сделана для предыдущей фотографии: теперь глубину оценивает MiDaS. Отмена вернёт и фотографию, и карту.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the depth map is %2×%3 pixels and the photo %4×%5: their shapes differ, so the map would be stretched. Choose the map made for this photo.</source>
        <translation>«%1»: карта глубины — %2×%3 пикселей, а фотография — %4×%5: пропорции различаются, и карту пришлось бы растянуть. Выберите карту, сделанную для этой фотографии.</translation>
    </message>
    <message>
        <source>Add Style Image</source>
        <translation>Добавить изображение стиля</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::LabeledSlider</name>
    <message>
        <source>Double-click the slider to reset it to %1.</source>
        <translation>Двойной щелчок по ползунку возвращает значение %1.</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1: значение</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::MainWindow</name>
    <message>
        <source>Content</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Глубина</translation>
    </message>
    <message>
        <source>Strength map P</source>
        <translation>Карта силы P</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Drop a photo here
or press Ctrl+O</source>
        <translation>Перетащите сюда фотографию
или нажмите Ctrl+O</translation>
    </message>
    <message>
        <source>Drop a style image here
or press Ctrl+Shift+O</source>
        <translation>Перетащите сюда изображение стиля
или нажмите Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>The depth map appears here</source>
        <translation>Здесь появится карта глубины</translation>
    </message>
    <message>
        <source>The strength map appears here</source>
        <translation>Здесь появится карта силы стилизации</translation>
    </message>
    <message>
        <source>The result appears here</source>
        <translation>Здесь появится результат</translation>
    </message>
    <message>
        <source>far</source>
        <translation>далеко</translation>
    </message>
    <message>
        <source>near</source>
        <translation>близко</translation>
    </message>
    <message>
        <source>0 style</source>
        <translation>0 стиль</translation>
    </message>
    <message>
        <source>1 content</source>
        <translation>1 содержание</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Render progress</source>
        <translation>Ход расчёта</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the running render (Esc)</source>
        <translation>Остановить текущий расчёт (Esc)</translation>
    </message>
    <message>
        <source>Cancel render</source>
        <translation>Отменить расчёт</translation>
    </message>
    <message>
        <source>Exports Unfinished</source>
        <translation>Экспорт не завершён</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) are not written yet. Quit and lose them?</source>
        <translation>
            <numerusform>%n экспорт ещё не записан. Выйти и потерять его?</numerusform>
            <numerusform>%n экспорта ещё не записаны. Выйти и потерять их?</numerusform>
            <numerusform>%n экспортов ещё не записаны. Выйти и потерять их?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ModelsPanel</name>
    <message>
        <source>Install from a Folder of Downloaded Files…</source>
        <translation>Установить из папки со скачанными файлами…</translation>
    </message>
    <message>
        <source>Model set-up</source>
        <translation>Установка моделей</translation>
    </message>
    <message>
        <source>Set-up output</source>
        <translation>Вывод установки</translation>
    </message>
    <message>
        <source>Use Models from Another Folder…</source>
        <translation>Взять модели из другой папки…</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Checks, converts and installs the three downloaded files</source>
        <translation>Проверяет, преобразует и устанавливает три скачанных файла</translation>
    </message>
    <message>
        <source>Pick a folder that already holds installed DepthStyle models</source>
        <translation>Выберите папку, где уже установлены модели DepthStyle</translation>
    </message>
    <message>
        <source>Look for the model files again</source>
        <translation>Снова поискать файлы моделей</translation>
    </message>
    <message>
        <source>Folder with Models</source>
        <translation>Папка с моделями</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DepthStyle needs its model files&lt;/h2&gt;&lt;p&gt;These files are missing:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;h2&gt;DepthStyle нужны файлы моделей&lt;/h2&gt;&lt;p&gt;Не найдены файлы:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>Models are looked for in:</source>
        <translation>Модели ищутся в папках:</translation>
    </message>
    <message>
        <source>To install them, run &lt;tt&gt;%1&lt;/tt&gt; in a terminal (it downloads the three published files, checks and converts them), or download &lt;tt&gt;vgg_normalised.pth&lt;/tt&gt;, &lt;tt&gt;decoder.pth&lt;/tt&gt; and &lt;tt&gt;model-small-traced.pt&lt;/tt&gt; yourself into a folder and choose that folder below.</source>
        <translation>Чтобы установить их, запустите в терминале &lt;tt&gt;%1&lt;/tt&gt; (сценарий скачает три опубликованных файла, проверит и преобразует их) или сами скачайте &lt;tt&gt;vgg_normalised.pth&lt;/tt&gt;, &lt;tt&gt;decoder.pth&lt;/tt&gt; и &lt;tt&gt;model-small-traced.pt&lt;/tt&gt; в одну папку и выберите её ниже.</translation>
    </message>
    <message>
        <source>Folder with Downloaded Files</source>
        <translation>Папка со скачанными файлами</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::NotificationBar</name>
    <message>
        <source>Close message</source>
        <translation>Закрыть сообщение</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Закрыть это сообщение</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ParameterPanel</name>
    <message>
        <source>β</source>
        <translation>β</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Matched strength</source>
        <translation>Равная сила</translation>
    </message>
    <message>
        <source>Content size</source>
        <translation>Размер содержания</translation>
    </message>
    <message>
        <source>Smaller side of the content in pixels while stylizing. The paper used 1000; larger is slower.</source>
        <translation>Меньшая сторона содержания в пикселях при стилизации. В статье — 1000; больше — медленнее.</translation>
    </message>
    <message>
        <source>Style size</source>
        <translation>Размер стиля</translation>
    </message>
    <message>
        <source>Smaller side of the style image in pixels. The paper used 300; smaller makes larger brush strokes.</source>
        <translation>Меньшая сторона изображения стиля в пикселях. В статье — 300; меньше — крупнее мазки.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Brighter is farther</source>
        <translation>Светлее — дальше</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Бета</translation>
    </message>
    <message>
        <source>Prominence: how sharply stylization changes between near and far. 0 stylizes everything alike; the paper recommends 20.</source>
        <translation>Контраст: насколько резко меняется стилизация между ближним и дальним. При 0 всё стилизуется одинаково; в статье рекомендуется 20.</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Эпсилон</translation>
    </message>
    <message>
        <source>Offset: the least stylization even the nearest things get. Higher values stylize the foreground more; the paper recommends 0.15.</source>
        <translation>Смещение: наименьшая стилизация даже для самых близких предметов. Чем больше, тем сильнее стилизуется передний план; в статье рекомендуется 0,15.</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Альфа</translation>
    </message>
    <message>
        <source>Content weight of plain AdaIN: 0 is full style, 1 is the content unchanged.</source>
        <translation>Вес содержания в обычном AdaIN: 0 — полный стиль, 1 — содержание без изменений.</translation>
    </message>
    <message>
        <source>DA-AdaIN (depth-aware)</source>
        <translation>DA-AdaIN (с учётом глубины)</translation>
    </message>
    <message>
        <source>Plain AdaIN</source>
        <translation>Обычный AdaIN</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>DA-AdaIN stylizes far things more than near ones; plain AdaIN stylizes everything alike with content weight alpha.</source>
        <translation>DA-AdaIN стилизует дальние предметы сильнее ближних; обычный AdaIN стилизует всё одинаково с весом содержания альфа.</translation>
    </message>
    <message>
        <source>Give the plain AdaIN comparison the same average stylization as the depth-aware result (alpha = mean of the strength map).</source>
        <translation>Дать обычному AdaIN для сравнения ту же среднюю стилизацию, что и у результата с учётом глубины (альфа = среднее карты силы).</translation>
    </message>
    <message>
        <source>MiDaS (estimated)</source>
        <translation>MiDaS (оценка)</translation>
    </message>
    <message>
        <source>Depth map file</source>
        <translation>Файл карты глубины</translation>
    </message>
    <message>
        <source>Depth source</source>
        <translation>Источник глубины</translation>
    </message>
    <message>
        <source>Where the depth comes from: estimated by MiDaS from the content image, or a grayscale depth map file of your own (brighter = closer).</source>
        <translation>Откуда берётся глубина: оценка MiDaS по изображению содержания или ваш собственный файл карты глубины в оттенках серого (светлее — ближе).</translation>
    </message>
    <message>
        <source>Choose depth map</source>
        <translation>Выбрать карту глубины</translation>
    </message>
    <message>
        <source>Choose a grayscale depth map file.</source>
        <translation>Выберите файл карты глубины в оттенках серого.</translation>
    </message>
    <message>
        <source>Tick when the depth map file is brighter for farther things (a distance map).</source>
        <translation>Отметьте, если в файле карты глубины дальние предметы светлее (карта расстояний).</translation>
    </message>
    <message>
        <source>Depth map file name</source>
        <translation>Имя файла карты глубины</translation>
    </message>
    <message>
        <source>Sizes and depth</source>
        <translation>Размеры и глубина</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Глубина:</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 пикс.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Исходный</translation>
    </message>
    <message>
        <source>Fast decoding (bfloat16)</source>
        <translation>Быстрое декодирование (bfloat16)</translation>
    </message>
    <message>
        <source>Fast decoding</source>
        <translation>Быстрое декодирование</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Depth-aware &amp;strength</source>
        <translation>&amp;Сила с учётом глубины</translation>
    </message>
    <message>
        <source>Content si&amp;ze:</source>
        <translation>&amp;Размер содержимого:</translation>
    </message>
    <message>
        <source>St&amp;yle size:</source>
        <translation>Ра&amp;змер стиля:</translation>
    </message>
    <message>
        <source>Style&apos;s colours</source>
        <translation>Цвета стиля</translation>
    </message>
    <message>
        <source>Match style to photo</source>
        <translation>Подогнать стиль к фото</translation>
    </message>
    <message>
        <source>Keep photo&apos;s colours (luminance)</source>
        <translation>Сохранить цвета фото (яркость)</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Цвета</translation>
    </message>
    <message>
        <source>Keep the photo&apos;s colours: &quot;Match style to photo&quot; recolours the style image to the photo&apos;s colour mean and covariance before stylizing; &quot;Keep photo&apos;s colours&quot; keeps the result&apos;s brightness with the photo&apos;s colour (BT.601 Y&apos;CbCr).</source>
        <translation>Сохранить цвета фото: «Подогнать стиль к фото» перекрашивает изображение стиля к среднему и ковариации цветов фото перед стилизацией; «Сохранить цвета фото» берёт яркость результата и цвет фото (BT.601 Y&apos;CbCr).</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>&amp;Цвета:</translation>
    </message>
    <message>
        <source>Run the decoder in bfloat16: visually the same (above 40 dB PSNR against full precision in the benchmark); the encoders always run in full precision.</source>
        <translation>Запускать декодер в bfloat16: на глаз то же самое (больше 40 дБ PSNR относительно полной точности в бенчмарке); кодировщики всегда работают с полной точностью.</translation>
    </message>
    <message>
        <source>Whether it is faster depends on the processor: DepthStyle measures it the first time you turn it on.</source>
        <translation>Быстрее ли это, зависит от процессора: DepthStyle измерит это, когда вы включите режим впервые.</translation>
    </message>
    <message>
        <source>Measured on this processor (%1): %2x as fast as full precision.</source>
        <translation>Измерено на этом процессоре (%1): в %2 раза быстрее полной точности.</translation>
    </message>
    <message>
        <source>Measured on this processor (%1): %2x the speed of full precision, so not faster here; not recommended.</source>
        <translation>Измерено на этом процессоре (%1): %2x от скорости полной точности, то есть здесь не быстрее; не рекомендуется.</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::PresetActions</name>
    <message>
        <source>Save Preset</source>
        <translation>Сохранить предустановку</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Имя предустановки:</translation>
    </message>
    <message>
        <source>Saved the preset &quot;%1&quot;.</source>
        <translation>Предустановка «%1» сохранена.</translation>
    </message>
    <message>
        <source>Import Preset</source>
        <translation>Импорт предустановки</translation>
    </message>
    <message>
        <source>DepthStyle sidecar (*.json)</source>
        <translation>Файл параметров DepthStyle (*.json)</translation>
    </message>
    <message>
        <source>Imported the preset &quot;%1&quot;.</source>
        <translation>Предустановка «%1» импортирована.</translation>
    </message>
    <message>
        <source>Deleted the preset &quot;%1&quot;.</source>
        <translation>Предустановка «%1» удалена.</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::PreviewLane</name>
    <message>
        <source>near</source>
        <translation>близко</translation>
    </message>
    <message>
        <source>far</source>
        <translation>далеко</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::ResultPresenter</name>
    <message>
        <source>estimating depth</source>
        <translation>оценка глубины</translation>
    </message>
    <message>
        <source>encoding content</source>
        <translation>кодирование содержания</translation>
    </message>
    <message>
        <source>encoding style</source>
        <translation>кодирование стиля</translation>
    </message>
    <message>
        <source>AdaIN</source>
        <translation>AdaIN</translation>
    </message>
    <message>
        <source>strength map</source>
        <translation>карта силы</translation>
    </message>
    <message>
        <source>decoding</source>
        <translation>декодирование</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Rendered %1×%2 in %3 ms</source>
        <translation>Рассчитано %1×%2 за %3 мс</translation>
    </message>
    <message>
        <source>Ready: %1×%2</source>
        <translation>Готово: %1×%2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Preparing the live preview and the AdaIN comparison…</source>
        <translation>Подготовка живого просмотра и сравнения с AdaIN…</translation>
    </message>
    <message>
        <source>Rendering: %1…</source>
        <translation>Расчёт: %1…</translation>
    </message>
    <message>
        <source>AdaIN α %1</source>
        <translation>AdaIN α %1</translation>
    </message>
    <message>
        <source>DA-AdaIN β %1 ε %2</source>
        <translation>DA-AdaIN β %1 ε %2</translation>
    </message>
    <message>
        <source>%1 (the same as the result)</source>
        <translation>%1 (то же, что результат)</translation>
    </message>
    <message>
        <source>%1 (matched strength)</source>
        <translation>%1 (равная сила)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Экспорт %1</translation>
    </message>
    <message>
        <source>No export yet to compare with</source>
        <translation>Ещё нет экспорта для сравнения</translation>
    </message>
    <message>
        <source>The last export, %1, is of another picture</source>
        <translation>Последний экспорт, %1, сделан с другой картинки</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::StrengthChart</name>
    <message>
        <source>Strength curve</source>
        <translation>Кривая силы</translation>
    </message>
    <message>
        <source>How proximity becomes stylization strength: the curve for the current beta and epsilon over a histogram of this image&apos;s proximity values.</source>
        <translation>Как близость превращается в силу стилизации: кривая для текущих беты и эпсилон поверх гистограммы близости этого изображения.</translation>
    </message>
    <message>
        <source>normalised proximity (far → near)</source>
        <translation>нормированная близость (далеко → близко)</translation>
    </message>
    <message>
        <source>share of image</source>
        <translation>доля кадра</translation>
    </message>
    <message>
        <source>proximity histogram</source>
        <translation>гистограмма близости</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>сила</translation>
    </message>
    <message>
        <source>Plain AdaIN: uniform α, depth not used</source>
        <translation>Обычный AdaIN: α везде одинаково, глубина не используется</translation>
    </message>
    <message>
        <source>P: content kept</source>
        <translation>P: сохранено</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::StylesPanel</name>
    <message>
        <source>Add Style…</source>
        <translation>Добавить стиль…</translation>
    </message>
    <message>
        <source>Mix by weight</source>
        <translation>Смешать по весам</translation>
    </message>
    <message>
        <source>Near and far by depth</source>
        <translation>Близко и далеко по глубине</translation>
    </message>
    <message>
        <source>Style mix</source>
        <translation>Смешение стилей</translation>
    </message>
    <message>
        <source>Mix by weight: the styles are blended in feature space, each by its weight. Near and far by depth: the first style paints near things, the second far ones, blended by the depth (two styles).</source>
        <translation>Смешать по весам: стили смешиваются в пространстве признаков, каждый по своему весу. Близко и далеко по глубине: первый стиль рисует близкое, второй — далёкое, смешиваясь по глубине (два стиля).</translation>
    </message>
    <message>
        <source>Add style</source>
        <translation>Добавить стиль</translation>
    </message>
    <message>
        <source>Add another style image to mix with the others.</source>
        <translation>Добавить ещё одно изображение стиля для смешения с остальными.</translation>
    </message>
    <message>
        <source>Weight of style %1</source>
        <translation>Вес стиля %1</translation>
    </message>
    <message>
        <source>How much of this style the mix takes (weights are divided by their sum).</source>
        <translation>Сколько этого стиля берёт смесь (веса делятся на их сумму).</translation>
    </message>
    <message>
        <source>near</source>
        <translation>близко</translation>
    </message>
    <message>
        <source>far</source>
        <translation>далеко</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove style %1</source>
        <translation>Убрать стиль %1</translation>
    </message>
    <message>
        <source>Styl&amp;es</source>
        <translation>С&amp;тили</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::VariationCells</name>
    <message>
        <source>Variations</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>The result for each beta (columns) and epsilon (rows). Arrow keys move between cells; Enter or a click uses a cell&apos;s values.</source>
        <translation>Результат для каждой беты (столбцы) и эпсилон (строки). Стрелки переходят между ячейками; Enter или щелчок берёт значения ячейки.</translation>
    </message>
    <message>
        <source>β = %1, ε = %2</source>
        <translation>β = %1, ε = %2</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Отрисовка…</translation>
    </message>
    <message>
        <source>Click or press Enter to use β = %1 and ε = %2 (Ctrl+Z undoes it).</source>
        <translation>Щёлкните или нажмите Enter, чтобы взять β = %1 и ε = %2 (Ctrl+Z отменяет).</translation>
    </message>
    <message>
        <source>Not rendered: %1</source>
        <translation>Не отрисовано: %1</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::VariationsView</name>
    <message>
        <source>Variations</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>Wrote the contact sheet to %1</source>
        <translation>Контактный лист записан в %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Smallest beta</source>
        <translation>Наименьшая бета</translation>
    </message>
    <message>
        <source>The beta of the first column. Beta is the sigmoid&apos;s steepness in the strength map: larger values separate near and far more sharply.</source>
        <translation>Бета первого столбца. Бета — крутизна сигмоиды в карте силы: чем больше, тем резче разделены близкое и далёкое.</translation>
    </message>
    <message>
        <source>Largest beta</source>
        <translation>Наибольшая бета</translation>
    </message>
    <message>
        <source>The beta of the last column.</source>
        <translation>Бета последнего столбца.</translation>
    </message>
    <message>
        <source>Beta columns</source>
        <translation>Столбцы беты</translation>
    </message>
    <message>
        <source>How many betas, in equal ratios from the smallest to the largest (in equal steps when the smallest is 0).</source>
        <translation>Сколько значений беты, в равных отношениях от наименьшей до наибольшей (равными шагами, когда наименьшая — 0).</translation>
    </message>
    <message>
        <source>Smallest epsilon</source>
        <translation>Наименьший эпсилон</translation>
    </message>
    <message>
        <source>The epsilon of the first row. The strength map is capped at 1 - epsilon: larger values stylize the nearest things more.</source>
        <translation>Эпсилон первой строки. Карта силы ограничена сверху 1 - эпсилон: чем больше, тем сильнее стилизовано самое близкое.</translation>
    </message>
    <message>
        <source>Largest epsilon</source>
        <translation>Наибольший эпсилон</translation>
    </message>
    <message>
        <source>The epsilon of the last row.</source>
        <translation>Эпсилон последней строки.</translation>
    </message>
    <message>
        <source>Epsilon rows</source>
        <translation>Строки эпсилон</translation>
    </message>
    <message>
        <source>How many epsilons, in equal steps from the smallest to the largest.</source>
        <translation>Сколько значений эпсилон, равными шагами от наименьшего до наибольшего.</translation>
    </message>
    <message>
        <source>Ranges</source>
        <translation>Диапазоны</translation>
    </message>
    <message>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>in</source>
        <translation>шагов</translation>
    </message>
    <message>
        <source>&amp;β (columns)</source>
        <translation>&amp;β (столбцы)</translation>
    </message>
    <message>
        <source>ε (ro&amp;ws)</source>
        <translation>ε (с&amp;троки)</translation>
    </message>
    <message>
        <source>&amp;Centre on Current Values</source>
        <translation>&amp;Вокруг текущих значений</translation>
    </message>
    <message>
        <source>Centre on current values</source>
        <translation>Вокруг текущих значений</translation>
    </message>
    <message>
        <source>Back to the default grid around the current beta and epsilon: half, the same and twice beta; epsilon 0.1 below, the same and 0.1 above.</source>
        <translation>Вернуть сетку по умолчанию вокруг текущих беты и эпсилон: половина, та же и двойная бета; эпсилон на 0,1 меньше, тот же и на 0,1 больше.</translation>
    </message>
    <message>
        <source>&amp;Export Contact Sheet…</source>
        <translation>&amp;Экспортировать контактный лист…</translation>
    </message>
    <message>
        <source>Export contact sheet</source>
        <translation>Экспортировать контактный лист</translation>
    </message>
    <message>
        <source>Write every cell into one PNG or JPEG, with its beta and epsilon printed under it.</source>
        <translation>Записать все ячейки в один PNG или JPEG, с бетой и эпсилон под каждой.</translation>
    </message>
    <message>
        <source>Variations progress</source>
        <translation>Ход отрисовки вариантов</translation>
    </message>
    <message>
        <source>How many cells are rendered.</source>
        <translation>Сколько ячеек отрисовано.</translation>
    </message>
    <message>
        <source>Variations message</source>
        <translation>Сообщение вариантов</translation>
    </message>
    <message>
        <source>Why there are no variations, or how the contact sheet export went.</source>
        <translation>Почему вариантов нет или как прошёл экспорт контактного листа.</translation>
    </message>
    <message>
        <source>the grid changed before every cell was rendered</source>
        <translation>сетка изменилась раньше, чем отрисовались все ячейки</translation>
    </message>
    <message>
        <source>the Variations view was closed before every cell was rendered</source>
        <translation>окно вариантов закрыто раньше, чем отрисовались все ячейки</translation>
    </message>
    <message>
        <source>Variations vary beta and epsilon of the strength map, which only DA-AdaIN has. Choose DA-AdaIN under Method to see them.</source>
        <translation>Варианты меняют бету и эпсилон карты силы, которая есть только у DA-AdaIN. Выберите DA-AdaIN в поле «Метод», чтобы их увидеть.</translation>
    </message>
    <message>
        <source>Open a photo and a style to see variations.</source>
        <translation>Откройте фото и стиль, чтобы увидеть варианты.</translation>
    </message>
    <message>
        <source>the settings changed before every cell was rendered</source>
        <translation>настройки изменились раньше, чем отрисовались все ячейки</translation>
    </message>
    <message>
        <source>a cell could not be rendered: %1</source>
        <translation>ячейку не удалось отрисовать: %1</translation>
    </message>
    <message numerus="yes">
        <source>All %n cell(s) rendered.</source>
        <translation>
            <numerusform>Отрисована %n ячейка.</numerusform>
            <numerusform>Отрисованы все %n ячейки.</numerusform>
            <numerusform>Отрисованы все %n ячеек.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendered %1 of %n cell(s)…</source>
        <translation>
            <numerusform>Отрисовано %1 из %n ячейки…</numerusform>
            <numerusform>Отрисовано %1 из %n ячеек…</numerusform>
            <numerusform>Отрисовано %1 из %n ячеек…</numerusform>
        </translation>
    </message>
    <message>
        <source>The contact sheet %1 was not written: %2.</source>
        <translation>Контактный лист %1 не записан: %2.</translation>
    </message>
    <message>
        <source>Open View &gt; Variations to export its contact sheet.</source>
        <translation>Откройте «Вид &gt; Варианты», чтобы экспортировать контактный лист.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the contact sheet is written as PNG (.png) or JPEG (.jpg, .jpeg); choose one of these names.</source>
        <translation>«%1»: контактный лист записывается как PNG (.png) или JPEG (.jpg, .jpeg); выберите такое имя.</translation>
    </message>
    <message>
        <source>The contact sheet %1 was not written: a cell could not be rendered: %2.</source>
        <translation>Контактный лист %1 не записан: ячейку не удалось отрисовать: %2.</translation>
    </message>
    <message>
        <source>The contact sheet is written to %1 when the last cells are rendered.</source>
        <translation>Контактный лист будет записан в %1, когда отрисуются последние ячейки.</translation>
    </message>
    <message>
        <source>Writing the contact sheet to %1…</source>
        <translation>Контактный лист записывается в %1…</translation>
    </message>
    <message>
        <source>Export Contact Sheet</source>
        <translation>Экспорт контактного листа</translation>
    </message>
    <message>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg)</source>
        <translation>PNG (*.png);;JPEG (*.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>depthstyle::ui::WorkOpener</name>
    <message>
        <source>Open Work</source>
        <translation>Открыть работу</translation>
    </message>
    <message>
        <source>DepthStyle sidecar (*.json)</source>
        <translation>Файл параметров DepthStyle (*.json)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Depth-aware style transfer for artists.</source>
        <translation>Перенос стиля с учётом глубины для художников.</translation>
    </message>
    <message>
        <source>Model directory.</source>
        <translation>Папка с моделями.</translation>
    </message>
    <message>
        <source>Save a picture of the window once the first result is shown, then quit (for documentation).</source>
        <translation>Сохранить снимок окна после первого результата и выйти (для документации).</translation>
    </message>
    <message>
        <source>Content image.</source>
        <translation>Изображение содержания.</translation>
    </message>
    <message>
        <source>Style image.</source>
        <translation>Изображение стиля.</translation>
    </message>
    <message>
        <source>Colour theme for this run: system, light or dark (default: the one chosen in View &gt; Theme).</source>
        <translation>Цветовая тема для этого запуска: system, light или dark (по умолчанию — выбранная в меню Вид &gt; Тема).</translation>
    </message>
    <message>
        <source>Start with the parameters of a sidecar (depthstyle.json), as File &gt; Load Parameters does.</source>
        <translation>Начать с параметрами из файла depthstyle.json, как «Файл › Загрузить параметры».</translation>
    </message>
</context>
</TS>
