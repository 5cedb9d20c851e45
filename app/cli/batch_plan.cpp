#include "batch_plan.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include "depthstyle/engine_error.h"
#include "output_names.h"

namespace depthstyle::cli {
namespace {

QString styleSetName(const QStringList& paths) {
    QStringList stems;
    for (const QString& path : paths) {
        stems << QFileInfo(path).completeBaseName();
    }
    return stems.join(QLatin1Char('+'));
}

}  // namespace

BatchPlan planBatch(const CliOptions& o) {
    BatchPlan plan;
    plan.contents = o.contents.isEmpty() ? QStringList{o.content} : o.contents;
    if (o.batchStyles.isEmpty()) {
        plan.styleSets.push_back(QStringList{o.style} + o.moreStyles);
    } else {
        for (const QString& style : o.batchStyles) {
            plan.styleSets.push_back(QStringList{style});
        }
    }
    const QString pattern =
        o.namePattern.isEmpty() ? defaultNamePattern(o.isSweep()) : o.namePattern;
    validateNamePattern(pattern);
    const QDir folder(o.outputDir);
    QHash<QString, int> firstOutput;  // file name: index into outputs
    for (int c = 0; c < plan.contents.size(); ++c) {
        for (int s = 0; s < int(plan.styleSets.size()); ++s) {
            for (const auto& [beta, epsilon] : o.sweepPoints()) {
                OutputNameFields fields;
                fields.content = QFileInfo(plan.contents[c]).completeBaseName();
                fields.style = styleSetName(plan.styleSets[size_t(s)]);
                fields.beta = beta;
                fields.epsilon = epsilon;
                fields.index = c + 1;
                fields.count = int(plan.contents.size());
                const QString name = outputName(pattern, fields);
                if (firstOutput.contains(name)) {
                    const BatchOutput& other = plan.outputs[size_t(firstOutput[name])];
                    throw EngineError(
                        ErrorKind::InvalidArgument,
                        "--name: '" + name.toStdString() + "' would be written for " +
                            plan.contents[other.content].toStdString() + " and for " +
                            plan.contents[c].toStdString() +
                            "; add {index} (or {style}, {beta}, {epsilon}) to the pattern");
                }
                firstOutput.insert(name, int(plan.outputs.size()));
                BatchOutput output{c, s, o.parameters, folder.filePath(name)};
                output.parameters.beta = beta;
                output.parameters.epsilon = epsilon;
                plan.outputs.push_back(output);
            }
        }
    }
    return plan;
}

}  // namespace depthstyle::cli
