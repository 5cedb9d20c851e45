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

// Two outputs of one name: which inputs or values they differ in, and the
// field that would tell them apart.
[[noreturn]] void refuseCollision(const QString& name, const BatchPlan& plan,
                                  const BatchOutput& first, const BatchOutput& second, double beta,
                                  double epsilon) {
    const auto describe = [&](const BatchOutput& out, double b, double e) {
        return plan.contents[out.content] + " with " +
               plan.styleSets[size_t(out.styleSet)].join(" + ") +
               QStringLiteral(" (beta %1, epsilon %2)").arg(b).arg(e);
    };
    QString hint;
    if (first.content != second.content) {
        hint = "add {index} to the pattern (or {content} where the stems differ)";
    } else if (first.styleSet != second.styleSet) {
        hint = styleSetName(plan.styleSets[size_t(first.styleSet)]) ==
                       styleSetName(plan.styleSets[size_t(second.styleSet)])
                   ? "the styles share a file stem, which {style} gives; rename one"
                   : "add {style} to the pattern";
    } else {
        hint = first.parameters.beta != beta ? "add {beta} to the pattern"
                                             : "add {epsilon} to the pattern";
    }
    throw EngineError(ErrorKind::InvalidArgument,
                      ("--name: '" + name + "' would be written for " +
                       describe(first, first.parameters.beta, first.parameters.epsilon) +
                       " and for " + describe(second, beta, epsilon) + "; " + hint)
                          .toStdString());
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
                    refuseCollision(name, plan, other, {c, s, o.parameters, {}}, beta, epsilon);
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
