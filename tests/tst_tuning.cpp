// The stripe size chosen per processor: the rule, the cache and a real
// measurement (depthstyle/stripe_tuning.h), and how measurements take turns
// with renders (depthstyle/measurement_turns.h), and the heap's huge pages
// (depthstyle/heap.h).
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/mman.h>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <thread>
#include <utility>

#include "depthstyle/decoder_speed.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/heap.h"
#include "depthstyle/measurement_turns.h"
#include "depthstyle/stripe_tuning.h"
#include "depthstyle/threads.h"
#include "depthstyle/tiling.h"
#include "machine_cache.h"
#include "test_env.h"

using namespace depthstyle;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

}  // namespace

class TestTuning : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // The fastest candidate only where it beats the default by 5%.
    void choiceNeedsAClearWin() {
        QCOMPARE(chooseStripeBudgetMiB({1.0, 1.0, 1.0}), 24.0);
        QCOMPARE(chooseStripeBudgetMiB({0.90, 1.0, 1.0}), 12.0);
        QCOMPARE(chooseStripeBudgetMiB({1.0, 1.0, 0.80}), 48.0);
        QCOMPARE(chooseStripeBudgetMiB({0.97, 1.0, 0.99}), 24.0);  // noise
        QCOMPARE(chooseStripeBudgetMiB({1.2, 1.0, 1.1}), 24.0);
        QCOMPARE(chooseStripeBudgetMiB({0.5, 1.0}), 24.0);  // not one time per candidate
        QCOMPARE(chooseStripeBudgetMiB({}), 24.0);
        QCOMPARE(StripeBudgetChoice({"CPU", 2, {1.0, 0.5, 0.7}}).chosenMiB(), 24.0);
    }

    // Found by processor and threads, replaced when measured again, beside
    // the decoder's measurements in a file of its own.
    void choiceIsRememberedPerProcessor() {
        const std::string cache = file("cache/stripe-budget");
        QVERIFY(!rememberedStripeBudget(cache, "Test CPU", 2));
        rememberStripeBudget(cache, {"Test CPU", 2, {0.5, 1.0, 1.0}});
        rememberStripeBudget(cache, {"Other CPU", 2, {1.0, 1.0, 0.5}});
        std::optional<StripeBudgetChoice> found = rememberedStripeBudget(cache, "Test CPU", 2);
        QVERIFY(found);
        QCOMPARE(found->chosenMiB(), 12.0);
        QCOMPARE(rememberedStripeBudget(cache, "Other CPU", 2)->chosenMiB(), 48.0);
        QVERIFY(!rememberedStripeBudget(cache, "Test CPU", 4));
        rememberStripeBudget(cache, {"Test CPU", 2, {1.0, 1.0, 1.0}});
        QCOMPARE(rememberedStripeBudget(cache, "Test CPU", 2)->chosenMiB(), 24.0);
        QFile text(QString::fromStdString(cache));
        QVERIFY(text.open(QIODevice::ReadOnly));
        QCOMPARE(text.readAll().count("Test CPU"), 1);
        text.close();
        // A line with another count of times, or damaged, is not a choice.
        QVERIFY(text.open(QIODevice::Append));
        text.write("1\tx\tShort CPU\t2\t1\t1\nnonsense\n");
        text.close();
        QVERIFY(!rememberedStripeBudget(cache, "Short CPU", 2));
        QVERIFY(rememberedStripeBudget(cache, "Other CPU", 2));
        const std::string decoder = file("cache/decoder-speed");
        rememberDecoderSpeed(decoder, {"Test CPU", 2, 0.3, 0.2});
        QVERIFY(rememberedDecoderSpeed(decoder, "Test CPU", 2));
        QCOMPARE(rememberedStripeBudget(cache, "Test CPU", 2)->seconds.size(), size_t(3));
    }

    // A real measurement on the stand-in encoder; other threads keep their
    // budget meanwhile, and the process's budget is untouched.
    void measuredHere() {
        const std::shared_ptr<const Models> models = Models::load(test::standinModelFiles());
        setStripeBudgetBytes(0);
        const StripeBudgetChoice choice = measureStripeBudget(*models);
        QCOMPARE(choice.seconds.size(), size_t(3));
        for (const double s : choice.seconds) {
            QVERIFY(s > 0.0);
        }
        QCOMPARE(choice.processor, processorName());
        QCOMPARE(choice.threads, computeThreads());
        QCOMPARE(stripeBudgetBytes(), kDefaultStripeBudgetMiB * kMiB);
        qInfo(
            "encoder and decoder on the 256x256 probe at 12, 24, 48 MiB: %.3f %.3f %.3f s -> %.0f "
            "MiB",
            choice.seconds[0], choice.seconds[1], choice.seconds[2], choice.chosenMiB());
        setThreadStripeBudgetBytes(3 * kMiB);
        QCOMPARE(stripeBudgetBytes(), 3 * kMiB);
        double other = 0.0;
        std::thread([&other] { other = stripeBudgetBytes(); }).join();
        QCOMPARE(other, kDefaultStripeBudgetMiB * kMiB);
        setThreadStripeBudgetBytes(0);
        applyStripeBudget({"CPU", 2, {0.5, 1.0, 1.0}});
        QCOMPARE(stripeBudgetBytes(), 12 * kMiB);
        setStripeBudgetBytes(0);
    }

    // Where nothing can be remembered nothing is measured (it would be
    // every run); switched off, neither.
    void nothingMeasuredWhereNothingIsRemembered() {
        const std::shared_ptr<const Models> models = Models::load(test::standinModelFiles());
        const QByteArray previous = qgetenv("XDG_CACHE_HOME");
        QFile blocker(dir_.filePath("not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        qputenv("XDG_CACHE_HOME", blocker.fileName().toLocal8Bit());
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "1");
        bool measured = false;
        QVERIFY(!canRememberStripeBudget());
        QVERIFY(!stripeBudgetForThisMachine(*models, [&] { measured = true; }));
        QVERIFY(!measured);
        // A writable cache: measured once, then read.
        qputenv("XDG_CACHE_HOME", dir_.filePath("machine-cache").toLocal8Bit());
        QVERIFY(canRememberStripeBudget());
        QVERIFY(stripeBudgetForThisMachine(*models, [&] { measured = true; }));
        QVERIFY(measured);
        measured = false;
        QVERIFY(stripeBudgetForThisMachine(*models, [&] { measured = true; }));
        QVERIFY(!measured);
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
        QVERIFY(!stripeBudgetForThisMachine(*models, [&] { measured = true; }));
        QVERIFY(!measured);
        qputenv("XDG_CACHE_HOME", previous);
    }

    // A step waits for its turn, is timed again when a render ran during
    // it (ended at its next layer when the render starts mid-step), and a
    // stop or renders all along end the measurement.
    void stepsTakeTurnsWithRenders() {
        int awaited = 0;
        int disturbances = 2;  // the first two steps see a render
        bool inStep = false;
        MeasurementTurns turns;
        turns.await = [&] {
            ++awaited;
            inStep = false;
            return true;
        };
        turns.disturbed = [&] { return inStep && disturbances > 0 && disturbances-- > 0; };
        int started = 0;
        int finished = 0;
        const auto layers = [&](const Progress& progress) {
            inStep = true;
            ++started;
            progress.step(Stage::Decoding, 0.5);
            ++finished;
        };
        QVERIFY(timeOnTurn(turns, layers) >= 0.0);
        QCOMPARE(awaited, 3);
        QCOMPARE(started, 3);
        QCOMPARE(finished, 1);  // the disturbed steps ended at their layer
        // Disturbed only after the step: timed again as well.
        int after = 1;
        turns.disturbed = [&] { return finished == 2 && after-- > 0; };
        awaited = 0;
        timeOnTurn(turns, layers);
        QCOMPARE(awaited, 2);
        QCOMPARE(finished, 3);
        // A render started while the step waited for the cache folder's
        // lock: the step does not run on that turn.
        int calls = 0;
        turns.disturbed = [&] { return ++calls == 1; };
        awaited = 0;
        started = 0;
        timeOnTurn(turns, layers);
        QCOMPARE(awaited, 2);
        QCOMPARE(started, 1);
        // Renders all along: given up, not taken.
        turns.disturbed = [] { return true; };
        awaited = 0;
        started = 0;
        QCOMPARE(cancelledKind([&] { timeOnTurn(turns, layers); }), 1);
        QCOMPARE(awaited, kMeasurementStepTries);
        QCOMPARE(started, 0);  // never beside a render
        // Told to stop while waiting, or by the flag: nothing runs.
        turns.disturbed = [] { return false; };
        turns.await = [] { return false; };
        started = 0;
        QCOMPARE(cancelledKind([&] { timeOnTurn(turns, layers); }), 1);
        std::atomic<bool> stop{true};
        turns.await = {};
        turns.stop = &stop;
        QCOMPARE(cancelledKind([&] { timeOnTurn(turns, layers); }), 1);
        QCOMPARE(started, 0);
        // Set during a step: it ends at its next layer.
        stop = false;
        const auto stopping = [&](const Progress& progress) {
            stop = true;
            progress.step(Stage::Decoding, 0.5);
            ++finished;
        };
        finished = 0;
        QCOMPARE(cancelledKind([&] { timeOnTurn(turns, stopping); }), 1);
        QCOMPARE(finished, 0);
        // No turns (a program measuring alone): run once.
        started = 0;
        timeOnTurn(MeasurementTurns(), layers);
        QCOMPARE(started, 1);
    }

    // Every pass of both real measurements takes its turn, a disturbed one
    // is taken again, and a stop ends them with nothing measured.
    void measurementsTakeTurns() {
        const std::shared_ptr<const Models> models = Models::load(test::standinModelFiles());
        int awaited = 0;
        bool disturbOnce = true;
        MeasurementTurns turns;
        turns.await = [&] {
            ++awaited;
            return true;
        };
        turns.disturbed = [&] { return std::exchange(disturbOnce, false); };
        const StripeBudgetChoice choice = measureStripeBudget(*models, turns);
        QCOMPARE(choice.seconds.size(), size_t(3));
        QCOMPARE(awaited, 3 * 3 + 1);  // three rounds of three candidates, one again
        awaited = 0;
        disturbOnce = true;
        const DecoderSpeed speed = measureDecoderSpeed(*models, turns);
        QVERIFY(speed.float32Seconds > 0 && speed.bfloat16Seconds > 0);
        QCOMPARE(awaited, 2 + 2 * 3 + 1);  // a warm-up and three in each precision, one again
        int allowed = 4;
        turns.await = [&] { return allowed-- > 0; };
        QCOMPARE(cancelledKind([&] { measureStripeBudget(*models, turns); }), 1);
        allowed = 4;
        QCOMPARE(cancelledKind([&] { measureDecoderSpeed(*models, turns); }), 1);
        QCOMPARE(stripeBudgetBytes(), kDefaultStripeBudgetMiB * kMiB);  // the thread's restored
    }

    // Programs never measure beside each other (the cache folder's
    // measuring.lock): one measuring alone holds it for its whole
    // measurement, and one that waited reads what the other measured (the
    // stripe size and the bfloat16 speed alike); a stop ends the wait with
    // nothing measured; on turns (the app), each step waits for it.
    void measurementsWaitForEachOther() {
        const std::shared_ptr<const Models> models = Models::load(test::standinModelFiles());
        const QByteArray previous = qgetenv("XDG_CACHE_HOME");
        // Before the guard: the waiting thread uses them.
        std::atomic<bool> stop{false};
        int waitings = 0;
        MeasurementTurns alone;
        alone.stop = &stop;
        alone.waitingForOthers = [&] { ++waitings; };
        MeasurementTurns turns = alone;
        turns.await = [] { return true; };
        std::atomic<int> steps{0};
        bool measured = false;
        const auto measuring = [&] { measured = true; };
        std::optional<StripeBudgetChoice> found;
        std::optional<DecoderSpeed> speed;
        std::atomic<bool> done{false};
        std::optional<MachineCacheLock> other;  // another program's
        std::thread waiter;
        const auto restore = qScopeGuard([&] {
            stop = true;
            other.reset();
            if (waiter.joinable()) {
                waiter.join();
            }
            qputenv("XDG_CACHE_HOME", previous);
            qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
        });
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "1");
        const auto inFolder = [&](const char* name) {
            qputenv("XDG_CACHE_HOME", dir_.filePath(name).toLocal8Bit());
            other.emplace(nullptr);
            done = false;
            return other->held();
        };
        const auto waitedFor = [&] {
            QTest::qWait(200);
            return !done;
        };
        QVERIFY(inFolder("locked-cache"));  // made if missing
        waiter = std::thread([&] {
            found = stripeBudgetForThisMachine(*models, measuring, alone);
            done = true;
        });
        QVERIFY(waitedFor());
        QCOMPARE(waitings, 1);  // told once
        rememberStripeBudget(stripeBudgetCacheFile(),
                             {processorName(), computeThreads(), {0.5, 1.0, 1.0}});
        other.reset();
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        waiter.join();
        QVERIFY(found);
        QCOMPARE(found->chosenMiB(), 12.0);  // the other program's
        QVERIFY(!measured);

        QVERIFY(inFolder("locked-cache-speed"));
        waiter = std::thread([&] {
            try {
                speed = decoderSpeed(*models, alone);
            } catch (const EngineError&) {
                // stopped by a failing check's clean-up
            }
            done = true;
        });
        QVERIFY(waitedFor());
        rememberDecoderSpeed(decoderSpeedCacheFile(),
                             {processorName(), computeThreads(), 0.3, 0.2});
        other.reset();
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        waiter.join();
        QVERIFY(speed);
        QCOMPARE(speed->float32Seconds, 0.3);  // the other program's

        QVERIFY(inFolder("locked-cache-stopped"));
        found.reset();
        waiter = std::thread([&] {
            found = stripeBudgetForThisMachine(*models, measuring, alone);
            done = true;
        });
        QVERIFY(waitedFor());
        stop = true;
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        waiter.join();
        QVERIFY(!found);
        QVERIFY(!measured);
        QVERIFY(!rememberedStripeBudget());
        QCOMPARE(cancelledKind([&] { decoderSpeed(*models, alone); }), 1);
        QVERIFY(!rememberedDecoderSpeed());

        // On turns, a step waits for the lock, and runs once it is free.
        stop = false;
        done = false;
        waiter = std::thread([&] {
            try {
                timeOnTurn(turns, [&](const Progress&) { ++steps; });
            } catch (const EngineError&) {
                // stopped by a failing check's clean-up
            }
            done = true;
        });
        QVERIFY(waitedFor());
        QCOMPARE(steps.load(), 0);
        other.reset();
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        waiter.join();
        QCOMPARE(steps.load(), 1);
    }

    // A measurement on turns (the app) holds no lock between its steps: its
    // result is written under the lock (the file is read, merged and
    // renamed), so that a line another program writes meanwhile is kept; a
    // stop while waiting writes nothing. Measuring alone, the caller holds
    // the lock already: written at once.
    void resultWrittenUnderTheLockOnTurns() {
        const QByteArray previous = qgetenv("XDG_CACHE_HOME");
        // Before the guard: the writing thread uses them.
        std::atomic<bool> stop{false};
        MeasurementTurns turns;
        turns.await = [] { return true; };
        turns.stop = &stop;
        std::atomic<bool> written{false};
        std::atomic<bool> returned{false};
        std::atomic<bool> result{false};
        std::optional<MachineCacheLock> other;  // another program's
        std::thread writer;
        const auto restore = qScopeGuard([&] {
            stop = true;
            other.reset();
            if (writer.joinable()) {
                writer.join();
            }
            qputenv("XDG_CACHE_HOME", previous);
        });
        qputenv("XDG_CACHE_HOME", dir_.filePath("written-cache").toLocal8Bit());
        const auto write = [&] {
            written = false;
            returned = false;
            writer = std::thread([&] {
                result = rememberOnTurns(turns, [&] { written = true; });
                returned = true;
            });
        };
        other.emplace(nullptr);
        QVERIFY(other->held());
        write();
        QTest::qWait(300);
        QVERIFY(!written);  // waits for the other program
        other.reset();
        QTRY_VERIFY_WITH_TIMEOUT(returned, 5000);
        writer.join();
        QVERIFY(written);
        QVERIFY(result);

        other.emplace(nullptr);
        write();
        QTest::qWait(100);
        stop = true;
        QTRY_VERIFY_WITH_TIMEOUT(returned, 5000);
        writer.join();
        QVERIFY(!written);
        QVERIFY(!result);

        bool alone = false;
        QVERIFY(rememberOnTurns(MeasurementTurns(), [&] { alone = true; }));
        QVERIFY(alone);
    }

    // The lock is one per cache folder, for every measurement; a waiter
    // with a stop flag gives up once it is set.
    void measuringLockIsOnePerCacheFolder() {
        const QByteArray previous = qgetenv("XDG_CACHE_HOME");
        const auto restore = qScopeGuard([&] { qputenv("XDG_CACHE_HOME", previous); });
        qputenv("XDG_CACHE_HOME", dir_.filePath("lock-once").toLocal8Bit());
        {
            const MachineCacheLock first(nullptr);
            QVERIFY(first.held());
            QVERIFY(QFile::exists(dir_.filePath("lock-once/depthstyle/measuring.lock")));
            const std::atomic<bool> stop{true};
            const MachineCacheLock second(&stop);
            QVERIFY(!second.held());
            QVERIFY(second.stopped());
        }
        const std::atomic<bool> stop{false};
        const MachineCacheLock free(&stop);
        QVERIFY(free.held());
        QVERIFY(!free.stopped());
    }

    void switchedOffByTheEnvironment() {
        QVERIFY(qputenv("DEPTHSTYLE_STRIPE_TUNING", "0"));
        QVERIFY(!stripeTuningEnabled());
        QVERIFY(qunsetenv("DEPTHSTYLE_STRIPE_TUNING"));
        QVERIFY(stripeTuningEnabled());
        QVERIFY(qputenv("DEPTHSTYLE_STRIPE_TUNING", "0"));
    }

    // The heap is marked for transparent huge pages only where
    // DEPTHSTYLE_HUGE_PAGES=1 asks: they gave no consistent gain (README,
    // "Tuned on the machine at hand"). Checked in processes of their own
    // (the heap is tuned once per process): this program, running
    // heapAdviceInChild.
    void hugePagesOnlyWhenAsked() {
        const bool wasSet = qEnvironmentVariableIsSet("DEPTHSTYLE_HUGE_PAGES");
        const QByteArray previous = qgetenv("DEPTHSTYLE_HUGE_PAGES");
        const auto restore = qScopeGuard([&] {
            if (wasSet) {
                qputenv("DEPTHSTYLE_HUGE_PAGES", previous);
            } else {
                qunsetenv("DEPTHSTYLE_HUGE_PAGES");
            }
        });
        QVERIFY(qunsetenv("DEPTHSTYLE_HUGE_PAGES"));
        QVERIFY(!hugePagesAsked());
        for (const char* no : {"0", "", "yes", "10", " 1"}) {
            QVERIFY(qputenv("DEPTHSTYLE_HUGE_PAGES", no));
            QVERIFY2(!hugePagesAsked(), no);
        }
        QVERIFY(qputenv("DEPTHSTYLE_HUGE_PAGES", "1"));
        QVERIFY(hugePagesAsked());
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's allocator replaces the heap that would be marked");
#endif
        for (const bool asked : {false, true}) {
            QProcess child;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("DEPTHSTYLE_HUGE_PAGES", asked ? "1" : "0");
            environment.insert("DEPTHSTYLE_TEST_HEAP_CHILD", "1");
            child.setProcessEnvironment(environment);
            child.start(QCoreApplication::applicationFilePath(), {"heapAdviceInChild"});
            QVERIFY(child.waitForFinished(60000));
            const QByteArray output = child.readAllStandardOutput();
            QVERIFY2(child.exitCode() == 0, output.constData());
            if (asked && output.contains("could mark 0")) {
                QSKIP(
                    "this machine cannot mark 1.5 GiB of heap for huge pages (no support, "
                    "or a memory limit)");
            }
            QVERIFY2(output.contains(asked ? "marked 1, heap mappings advised 1"
                                           : "marked 0, heap mappings advised 0"),
                     output.constData());
        }
    }

    // Prints whether the heap was marked, whether a heap mapping carries the
    // mark, and whether this machine could mark it at all (the advice taken
    // on a probe mapping, and the 1.5 GiB the marking reserves available).
    void heapAdviceInChild() {
        if (!qEnvironmentVariableIsSet("DEPTHSTYLE_TEST_HEAP_CHILD")) {
            QSKIP("run by hugePagesOnlyWhenAsked in a process of its own");
        }
        tuneAllocatorOnce();
        // VmFlags "hg": a mapping marked with MADV_HUGEPAGE.
        QFile smaps("/proc/self/smaps");
        QVERIFY(smaps.open(QIODevice::ReadOnly));
        bool inHeap = false;
        bool advised = false;
        for (const QByteArray& line : smaps.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.isEmpty() || fields[0].isEmpty()) {
                continue;
            }
            if (!fields[0].endsWith(':')) {  // a mapping's first line
                inHeap = fields.last() == "[heap]";
            } else if (inHeap && fields[0] == "VmFlags:" && fields.contains("hg")) {
                advised = true;
            }
        }
        constexpr size_t kProbe = size_t{4} << 20;
        void* probe =
            mmap(nullptr, kProbe, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        bool couldMark = probe != MAP_FAILED && madvise(probe, kProbe, MADV_HUGEPAGE) == 0;
        if (probe != MAP_FAILED) {
            munmap(probe, kProbe);
        }
        void* reserve = std::malloc(size_t{1536} << 20);
        couldMark = couldMark && reserve != nullptr;
        std::free(reserve);
        std::printf("marked %d, heap mappings advised %d, could mark %d\n",
                    heapMarkedForHugePages() ? 1 : 0, advised ? 1 : 0, couldMark ? 1 : 0);
    }

    // LibTorch's pthreadpool (for kernels no network here runs) is rebuilt
    // on every thread's first parallel operation; made with one thread
    // (src/serial_pthreadpool.cpp), a rebuild starts no threads.
    void threadCountStartsNoPthreadpoolWorkers() {
        setComputeThreads(1);
        const int before = threadsInProcess();
        setComputeThreads(2);
        std::thread first([] { (void)computeThreads(); });  // its own first call
        first.join();
        // A joined thread leaves /proc/self/task a moment later.
        QTRY_COMPARE_WITH_TIMEOUT(threadsInProcess(), before, 2000);
        QCOMPARE(computeThreads(), 2);
    }

private:
    // 1 when `work` throws EngineError(Cancelled), 0 when it returns, -1 for
    // any other exception.
    static int cancelledKind(const std::function<void()>& work) {
        try {
            work();
            return 0;
        } catch (const EngineError& e) {
            return e.kind() == ErrorKind::Cancelled ? 1 : -1;
        } catch (...) {
            return -1;
        }
    }
    std::string file(const char* name) const {
        return dir_.filePath(name).toStdString();
    }
    static int threadsInProcess() {
        return int(QDir(QStringLiteral("/proc/self/task"))
                       .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                       .size());
    }
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestTuning)
#include "tst_tuning.moc"
