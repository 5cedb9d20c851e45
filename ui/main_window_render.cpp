// The live render loop of the main window: requests to the worker, the
// instant preview while sliders move, and results as they arrive.
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <opencv2/core.hpp>

#include "compare_pane.h"
#include "depthstyle/strength_map.h"
#include "image_convert.h"
#include "image_pane.h"
#include "main_window.h"
#include "notification_bar.h"
#include "preview_blend.h"
#include "render_log.h"
#include "render_worker.h"
#include "strength_chart.h"

namespace depthstyle::ui {
namespace {

bool sameDepth(const DepthSource& a, const DepthSource& b) {
    return a.kind == b.kind && a.path == b.path && a.isDistance == b.isDistance;
}

QString stageText(int stage) {
    switch (static_cast<Stage>(stage)) {
        case Stage::Depth:
            return MainWindow::tr("estimating depth");
        case Stage::ContentEncoding:
            return MainWindow::tr("encoding content");
        case Stage::StyleEncoding:
            return MainWindow::tr("encoding style");
        case Stage::AdaIN:
            return MainWindow::tr("AdaIN");
        case Stage::StrengthMap:
            return MainWindow::tr("strength map");
        case Stage::Decoding:
            return MainWindow::tr("decoding");
    }
    return {};
}

}  // namespace

bool MainWindow::idle() const {
    return !rendering_;
}

double MainWindow::plainAlpha() const {
    const UiParameters& p = state_.parameters;
    if (p.method == Method::Adain) {
        return p.alpha;
    }
    if (!p.matchedStrength) {
        return 0.0;
    }
    const cv::Mat strength = currentStrength();
    return strength.empty() ? 0.5 : cv::mean(strength)[0];
}

cv::Mat MainWindow::currentStrength() const {
    const UiParameters& p = state_.parameters;
    const bool current = !proximityGrid_.empty() && proximityContentId_ == state_.content.id &&
                         proximityContentSize_ == p.contentSize && proximityDepthId_ == depthId_;
    if (!current) {
        return {};
    }
    if (p.method == Method::Adain) {
        return cv::Mat(proximityGrid_.size(), CV_32FC1, cv::Scalar(p.alpha));
    }
    return strengthMap(proximityGrid_, {p.beta, p.epsilon});
}

void MainWindow::scheduleRender(qint64 inputTimeMs) {
    if (showingModelSetup() || state_.content.empty() || state_.style.empty()) {
        return;
    }
    const UiParameters& p = state_.parameters;
    RenderRequest r;
    r.generation = ++generation_;
    r.content = state_.content;
    r.contentSize = p.contentSize;
    r.style = state_.style;
    r.styleSize = p.styleSize;
    const DepthSource depth = p.depthSource();
    if (!sameDepth(depth, lastDepth_)) {
        ++depthId_;
        lastDepth_ = depth;
    }
    r.depth = depth;
    r.depthId = depthId_;
    r.params = p.renderParams();
    r.plainAlpha = plainAlpha();
    r.inputTimeMs = inputTimeMs > 0 ? inputTimeMs : monotonicMs();
    worker_->submit(r);
    rendering_ = true;
    cancel_->show();
    showLivePreview(r.inputTimeMs);
}

void MainWindow::showLivePreview(qint64 inputTimeMs) {
    const UiParameters& p = state_.parameters;
    chart_->setParameters(p.beta, p.epsilon);
    const cv::Mat strength = currentStrength();
    if (strength.empty()) {
        return;
    }
    const cv::Size size = exact_.contentUsed.rgb.size();
    strengthPane_->setImage(unitMapToQImage(strengthMapAtImageSize(strength, size)));
    const bool anchorsCurrent = anchors_.contentId == state_.content.id &&
                                anchors_.styleId == state_.style.id &&
                                anchors_.contentSize == p.contentSize &&
                                anchors_.styleSize == p.styleSize && !anchors_.empty();
    if (anchorsCurrent) {
        resultPane_->setImage(toQImage(previewBlend(anchors_, strength)));
    }
    qCDebug(lcRender, "request %llu: first visual update after %lld ms (%s)",
            static_cast<unsigned long long>(generation_), monotonicMs() - inputTimeMs,
            anchorsCurrent ? "strength map, chart, approximate result" : "strength map, chart");
}

void MainWindow::onResult(const RenderOutcome& outcome) {
    if (outcome.generation != generation_) {
        return;  // stale: a newer request is on its way
    }
    exact_ = outcome;
    resultPane_->setImage(toQImage(outcome.result));
    contentPane_->setImage(toQImage(outcome.contentUsed));
    stylePane_->setImage(toQImage(outcome.styleUsed));
    depthPane_->setImage(proximityToQImage(outcome.proximity));
    proximityGrid_ = proximityOnFeatureGrid(outcome.proximity);
    proximityContentId_ = state_.content.id;
    proximityContentSize_ = state_.parameters.contentSize;
    proximityDepthId_ = depthId_;
    strengthPane_->setImage(
        unitMapToQImage(strengthMapAtImageSize(outcome.strength, outcome.result.rgb.size())));
    chart_->setProximity(proximityGrid_);
    chart_->setParameters(outcome.params.strength.beta, outcome.params.strength.epsilon);
    stageLabel_->setText(tr("Rendered %1×%2 in %3 ms")
                             .arg(outcome.result.width())
                             .arg(outcome.result.height())
                             .arg(monotonicMs() - outcome.inputTimeMs));
    qCDebug(lcRender, "request %llu: exact result shown after %lld ms",
            static_cast<unsigned long long>(outcome.generation),
            monotonicMs() - outcome.inputTimeMs);
    Q_EMIT exactResultShown(outcome.generation);
}

void MainWindow::onPlain(quint64 generation, const Image& plain, double) {
    if (generation != generation_) {
        return;
    }
    plain_ = plain;
    plainGeneration_ = generation;
    resultPane_->setComparison(toQImage(plain));
    rendering_ = false;
    stageLabel_->setText(tr("Ready: %1×%2").arg(exact_.result.width()).arg(exact_.result.height()));
    progress_->hide();
    cancel_->hide();
    std::vector<std::function<void()>> actions;
    actions.swap(afterExact_);
    for (const auto& action : actions) {
        action();
    }
}

void MainWindow::onAnchors(const PreviewAnchors& anchors) {
    anchors_ = anchors;
}

void MainWindow::onFailed(quint64 generation, const QString& message) {
    if (generation != generation_) {
        return;
    }
    rendering_ = false;
    afterExact_.clear();
    progress_->hide();
    cancel_->hide();
    stageLabel_->setText(tr("Failed"));
    showError(message);
}

void MainWindow::onProgress(quint64 generation, int stage, double fraction) {
    if (generation != generation_) {
        return;
    }
    // After the exact result the worker prepares the preview and comparison.
    stageLabel_->setText(exact_.generation == generation
                             ? tr("Preparing the live preview and the AdaIN comparison…")
                             : tr("Rendering: %1…").arg(stageText(stage)));
    progress_->setValue(static_cast<int>(fraction * 100));
    progress_->show();
}

void MainWindow::whenExact(std::function<void()> action) {
    if (idle() && exact_.generation == generation_ && plainGeneration_ == generation_) {
        action();
        return;
    }
    afterExact_.push_back(std::move(action));
    stageLabel_->setText(tr("Waiting for the exact result…"));
}

void MainWindow::showError(const QString& message) {
    notification_->showError(message);
}

}  // namespace depthstyle::ui
