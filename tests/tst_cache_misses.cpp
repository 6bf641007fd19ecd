// What a block reads from beyond the caches inside a network (reuse
// distances), the cache-miss costs calibrate fits from observed blocks,
// their place in the profile and in predictions, and the cache sizes read
// from sysfs.
#include "devices/device_info.h"
#include "graph/analyzed_network.h"
#include "predict/cache_misses.h"
#include "predict/cache_reuse.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace layerlens;

namespace {

bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// The profile in `from` with `edit` applied, saved to `to` and loaded from
// there; null, with error set, where a step fails.
template<typename Edit>
std::unique_ptr<core::DeviceProfile> resaved(const QString &from, const QString &to, Edit edit,
                                             QString *error)
{
    auto profile = core::DeviceProfile::load(from, error);
    if (!profile)
        return nullptr;
    edit(profile.get());
    return profile->save(to, error) ? core::DeviceProfile::load(to, error) : nullptr;
}

// Replaces `from` with `to` in the manifest of the profile in dir; the
// profile must then be refused, naming the manifest and `mentions`.
void expectRefusedEdit(const QString &dir, const QByteArray &from, const QByteArray &to,
                       const QString &mentions)
{
    const QString path = dir + QStringLiteral("/manifest.json");
    QFile manifest(path);
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QByteArray text = manifest.readAll();
    manifest.close();
    QVERIFY2(text.contains(from), from.constData());
    text.replace(from, to);
    QVERIFY(writeText(path, text));
    QString error;
    QVERIFY(!core::DeviceProfile::load(dir, &error));
    QVERIFY2(error.contains(QStringLiteral("manifest.json")) && error.contains(mentions),
             qPrintable(error));
}

int nodeNamed(const core::Graph &graph, const QString &name)
{
    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        if (graph.nodes[n].name == name)
            return static_cast<int>(n);
    }
    return -1;
}

} // namespace

class TestCacheMisses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reuseDistancesFollowTheRun()
    {
        // x -> Conv+Relu -> Conv -> Add(with the Relu's output) -> Conv, each
        // activation 1x8x16x16 floats (8 KiB), each Conv 8x8x1x1 weights
        // and 8 biases (288 bytes): 1x1 convolutions at batch 1 on one
        // thread run on ATen's GEMM, which allocates nothing for them.
        test::ModelBuilder b;
        b.input("x", {"1", "8", "16", "16"});
        for (const char *w : {"w1", "w2", "w3"})
            b.weight(w, {8, 8, 1, 1});
        for (const char *bias : {"b1", "b2", "b3"})
            b.weight(bias, {8});
        auto conv = [&](const std::string &in, const std::string &w, const std::string &bias,
                        const std::string &out) {
            b.node("Conv", {in, w, bias}, {out}, out);
        };
        conv("x", "w1", "b1", "a");
        b.node("Relu", {"a"}, {"r"}, "r");
        conv("r", "w2", "b2", "c");
        b.node("Add", {"c", "r"}, {"s"}, "s");
        conv("s", "w3", "b3", "y");
        b.output("y");
        QTemporaryDir dir;
        const auto net = test::analyzedBuilt(b, dir, QStringLiteral("chain.onnx"));
        QVERIFY2(net.ok(), qPrintable(net.error));
        const core::Graph &g = *net.graph;
        const std::vector<std::vector<int>> blocks = {
            {nodeNamed(g, QStringLiteral("a")), nodeNamed(g, QStringLiteral("r"))},
            {nodeNamed(g, QStringLiteral("c"))},
            {nodeNamed(g, QStringLiteral("s"))},
            {nodeNamed(g, QStringLiteral("y"))}};
        const auto reads = core::blockReads(g, blocks);
        QCOMPARE(reads.size(), size_t(4));

        const double act = 8 * 16 * 16 * 4, weights = 8 * 8 * 4 + 8 * 4;
        // Footprints: what a block reads from outside and writes (its inner
        // tensors included).
        QCOMPARE(reads[0].footprint.fixed, weights);
        QCOMPARE(reads[0].footprint.perBatch, 3 * act); // x, a, r
        QCOMPARE(reads[1].footprint.perBatch, 2 * act); // r, c
        QCOMPARE(reads[2].footprint.perBatch, 3 * act); // c, r, s
        QCOMPARE(reads[3].footprint.perBatch, 2 * act); // s, y
        const double runFixed = 3 * weights, runPerBatch = 10 * act;

        // The first block's reads (x, w1, b1) were last touched a run ago;
        // then the buffer its output r is written to, which the last
        // block of the run before wrote (y), nothing between.
        // (A fifth, the weight copy oneDNN would make, counts only where
        // the convolution runs there.)
        QCOMPARE(reads[0].reads.size(), size_t(5));
        QCOMPARE(reads[0].reads[4].library, std::optional(core::ConvBackend::OneDnn));
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE(reads[0].reads[i].distance.fixed, runFixed - weights);
            QCOMPARE(reads[0].reads[i].distance.perBatch, runPerBatch - 3 * act);
        }
        QCOMPARE(reads[0].reads[3].bytes.perBatch, act);
        QCOMPARE(reads[0].reads[3].distance.at(1), 0.0);
        QVERIFY(!reads[0].reads[3].library);
        // The Add reads c (written by the block before: nothing between)
        // and r (read last by that same block), and writes s to the buffer
        // c had in the run before, last read by the Add of that run: the
        // last block, the first and the second between.
        QCOMPARE(reads[2].reads.size(), size_t(3));
        for (const auto &r : reads[2].reads)
            QCOMPARE(r.bytes.perBatch, act);
        QCOMPARE(reads[2].reads[0].distance.at(1), 0.0);
        QCOMPARE(reads[2].reads[1].distance.at(1), 0.0);
        QCOMPARE(reads[2].reads[2].distance.fixed, 3 * weights);
        QCOMPARE(reads[2].reads[2].distance.perBatch, 7 * act);
        // Its convolutions run on GEMM: no temporaries; the Add has none.
        QVERIFY(reads[1].conv && core::convBackend(*reads[1].conv) == core::ConvBackend::Gemm);
        QVERIFY(!reads[2].conv);
        QCOMPARE(reads[1].reads.size(), size_t(5)); // r, w2, b2, c's buffer, oneDNN's copy
        // The last Conv's kernel ran two blocks before: the Add between.
        QCOMPARE(reads[3].sinceSameKernel.at(1), 3 * act);
        QCOMPARE(reads[3].sinceSameKernel.at(2), 6 * act);
        // The first of a kernel: the rest of the run since its last run.
        QCOMPARE(reads[2].sinceSameKernel.at(1), runFixed + runPerBatch - 3 * act);

        // Soft edges. A capacity above what the rest of the run touches: all
        // cached. Between one and two capacities: the share beyond one.
        QCOMPARE(reads[0].coldBytes(1e9, 1), 0.0);
        const double distance = runFixed - weights + runPerBatch - 3 * act;
        const double capacity = 0.8 * distance; // above the block's own footprint
        QVERIFY(reads[0].footprint.at(1) < capacity);
        QVERIFY(qFuzzyCompare(reads[0].coldBytes(capacity, 1),
                              (act + weights) * (distance / capacity - 1)));
        // A block whose own footprint overflows the cache misses it alone
        // as much: nothing extra.
        QCOMPARE(reads[0].coldBytes(reads[0].footprint.at(1) / 2, 1), 0.0);
        // At twice the batch its activations double and the footprint
        // (fixed + 6 act) overflows this capacity partly.
        const double footprint2 = weights + 6 * act;
        const double cap2 = 0.9 * footprint2;
        const double distance2 = runFixed - weights + 2 * (runPerBatch - 3 * act);
        QVERIFY(qFuzzyCompare(reads[0].coldBytes(cap2, 2), (2 * act + weights) *
                                                               std::min(1.0, distance2 / cap2 - 1) *
                                                               (1 - (footprint2 / cap2 - 1))));
        QCOMPARE(reads[3].kernelOverflow(3 * act, 1), 0.0);
        QCOMPARE(reads[3].kernelOverflow(2 * act, 1), 0.5);
        QCOMPARE(reads[3].kernelOverflow(act, 1), 1.0);
    }

    void writtenBuffersFollowTheAllocator()
    {
        // x (8 channels) -> A (to 16) -> B (16) -> C (to 8) -> D (8) = y,
        // 1x1 convolutions without bias on 1x8x16x16 (act = 8 KiB), so that
        // the executor's allocator, last in first out per size, hands
        // buffers round: run 0 leaves a free list per size, run 1 takes
        // from it.
        test::ModelBuilder b;
        b.input("x", {"1", "8", "16", "16"});
        b.weight("wa", {16, 8, 1, 1});
        b.weight("wb", {16, 16, 1, 1});
        b.weight("wc", {8, 16, 1, 1});
        b.weight("wd", {8, 8, 1, 1});
        b.node("Conv", {"x", "wa"}, {"a"}, "A");
        b.node("Conv", {"a", "wb"}, {"b"}, "B");
        b.node("Conv", {"b", "wc"}, {"c"}, "C");
        b.node("Conv", {"c", "wd"}, {"y"}, "D");
        b.output("y");
        QTemporaryDir dir;
        const auto net = test::analyzedBuilt(b, dir, QStringLiteral("round.onnx"));
        QVERIFY2(net.ok(), qPrintable(net.error));
        const core::Graph &g = *net.graph;
        std::vector<std::vector<int>> blocks;
        for (const char *name : {"A", "B", "C", "D"})
            blocks.push_back({nodeNamed(g, QString::fromLatin1(name))});
        const auto reads = core::blockReads(g, blocks);
        const double act = 8 * 16 * 16 * 4;
        const core::BatchBytes fa{512, 3 * act}, fb{1024, 4 * act}, fc{512, 3 * act},
            fd{256, 2 * act};
        QCOMPARE(reads[1].footprint.fixed, fb.fixed);
        QCOMPARE(reads[1].footprint.perBatch, fb.perBatch);
        // Each block's last read is its output's buffer. Run 0 ends with
        // 8 KiB buffers [x's, y's] free and 16 KiB ones [a's, b's]; in run
        // 1 x takes y's, A writes a into b's (last read by C: D between),
        // B writes b into a's (last read by B: C, D and A between), C
        // writes c into y's (just read as x by A: B between), D writes y
        // into the first x's (read as c by D: A, B and C between).
        const core::BatchBytes expected[] = {
            fd,
            {fc.fixed + fd.fixed + fa.fixed, fc.perBatch + fd.perBatch + fa.perBatch},
            fb,
            {fa.fixed + fb.fixed + fc.fixed, fa.perBatch + fb.perBatch + fc.perBatch}};
        // As profiles calibrated before written buffers were counted see it:
        // reads alone (x and wa for A).
        const auto readsOnly = core::blockReads(g, blocks, false);
        QCOMPARE(readsOnly[0].reads.size(), size_t(2));
        QCOMPARE(readsOnly[1].footprint.perBatch, fb.perBatch);
        for (int k = 0; k < 4; ++k) {
            // Before the weight copy oneDNN would make.
            const auto &all = reads[size_t(k)].reads;
            QCOMPARE(all.back().library, std::optional(core::ConvBackend::OneDnn));
            const core::BlockReads::Read &w = all[all.size() - 2];
            QCOMPARE(w.bytes.perBatch, k < 2 ? 2 * act : act);
            QCOMPARE(w.distance.fixed, expected[k].fixed);
            QCOMPARE(w.distance.perBatch, expected[k].perBatch);
        }
    }

    void convolutionTemporariesFollowTheirLibrary()
    {
        // A 3x3 convolution reading 8x64x64 values (more than 20,480) runs
        // on oneDNN, which copies its weights twice; ATen's GEMM would copy
        // them once and build the im2col matrix. A 1x1 one runs on GEMM at
        // one thread (no temporaries) and on oneDNN at two (one copy).
        test::ModelBuilder b;
        b.input("x", {"1", "8", "64", "64"});
        b.weight("w3", {8, 8, 3, 3});
        b.weight("w1", {8, 8, 1, 1});
        auto &wide = b.node("Conv", {"x", "w3"}, {"a"}, "wide");
        test::setInts(wide, "pads", {1, 1, 1, 1});
        b.node("Conv", {"a", "w1"}, {"y"}, "point");
        b.output("y");
        QTemporaryDir dir;
        const auto net = test::analyzedBuilt(b, dir, QStringLiteral("temps.onnx"));
        QVERIFY2(net.ok(), qPrintable(net.error));
        const core::Graph &g = *net.graph;
        const auto reads = core::blockReads(
            g, {{nodeNamed(g, QStringLiteral("wide"))}, {nodeNamed(g, QStringLiteral("point"))}});
        const double act = 8 * 64 * 64 * 4, w3 = 8 * 8 * 9 * 4, w1 = 8 * 8 * 4;
        const auto tagged = [](const core::BlockReads &r, core::ConvBackend library) {
            std::vector<core::BatchBytes> out;
            for (const auto &read : r.reads) {
                if (read.library == library)
                    out.push_back(read.bytes);
            }
            return out;
        };
        QVERIFY(reads[0].conv && core::convBackend(*reads[0].conv) == core::ConvBackend::OneDnn);
        const auto oneDnn = tagged(reads[0], core::ConvBackend::OneDnn);
        QCOMPARE(oneDnn.size(), size_t(2));
        for (const auto &bytes : oneDnn)
            QCOMPARE(bytes.fixed, w3);
        const auto gemm = tagged(reads[0], core::ConvBackend::Gemm);
        QCOMPARE(gemm.size(), size_t(2));
        QCOMPARE(gemm[0].fixed, w3);
        QCOMPARE(gemm[1].perBatch, 9 * act); // 8 channels x 9 taps x 64x64 positions
        // Its footprint holds what its own library allocates.
        QCOMPARE(reads[0].footprint.fixed, 3 * w3);
        QCOMPARE(reads[0].footprint.perBatch, 2 * act);

        QCOMPARE(tagged(reads[1], core::ConvBackend::OneDnn).size(), size_t(1));
        QVERIFY(tagged(reads[1], core::ConvBackend::Gemm).empty());
        QCOMPARE(reads[1].footprint.fixed, w1);
        // Written a whole run ago where nothing of its size was freed since:
        // at two threads the 1x1 convolution's weight copy is cold too.
        // A capacity above the block's footprint (2 act + w1) and below
        // half the run (4 act + 3 w3 + w1).
        const double capacity = 265000;
        QVERIFY(reads[1].footprint.at(1) < capacity);
        QCOMPARE(reads[1].coldBytes(capacity, 1, 2) - reads[1].coldBytes(capacity, 1, 1), w1);
    }

    void missShareOnTwoThreads()
    {
        // Blocks that pay 0.6 of their one-thread misses on two threads.
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> unit(0, 1);
        std::normal_distribution<double> noise(0, 0.01);
        std::vector<core::ThreadedBlock> blocks;
        for (int i = 0; i < 60; ++i) {
            core::ThreadedBlock b;
            b.withoutMissesMs = 0.1 + unit(rng);
            b.missMs = 0.5 * unit(rng) * b.withoutMissesMs;
            b.measuredMs = (b.withoutMissesMs + 0.6 * b.missMs) * (1 + noise(rng));
            blocks.push_back(b);
        }
        const core::ThreadShareFit fit = core::fitThreadShare(blocks);
        QVERIFY(fit.fitted);
        QCOMPARE(fit.blocks, 60);
        QVERIFY2(std::fabs(fit.share - 0.6) < 0.05, qPrintable(QString::number(fit.share)));
        QVERIFY2(fit.blockOverheadMs <= 0.001, qPrintable(QString::number(fit.blockOverheadMs)));
        QVERIFY(fit.mapeAfter < fit.mapeBefore);
        // Blocks of 10 us to 1 ms that also pay 4 us each: both found.
        std::vector<core::ThreadedBlock> meeting = blocks;
        for (core::ThreadedBlock &b : meeting) {
            b.withoutMissesMs = 0.01 * std::pow(100.0, unit(rng));
            b.missMs = 0.5 * unit(rng) * b.withoutMissesMs;
            b.measuredMs = (b.withoutMissesMs + 0.6 * b.missMs + 0.004) * (1 + noise(rng));
        }
        const core::ThreadShareFit both = core::fitThreadShare(meeting);
        QVERIFY2(std::fabs(both.blockOverheadMs - 0.004) <= 0.0005,
                 qPrintable(QString::number(both.blockOverheadMs)));
        QVERIFY2(std::fabs(both.share - 0.6) < 0.1, qPrintable(QString::number(both.share)));
        QVERIFY(both.mapeAfter < 2);
        // Within [0, 1]: blocks faster than their prediction without misses
        // take none.
        std::vector<core::ThreadedBlock> fast = blocks;
        for (core::ThreadedBlock &b : fast)
            b.measuredMs = 0.8 * b.withoutMissesMs;
        QCOMPARE(core::fitThreadShare(fast).share, 0.0);
        // Too few blocks: not fitted.
        std::vector<core::ThreadedBlock> few(blocks.begin(), blocks.begin() + 10);
        QVERIFY(!core::fitThreadShare(few).fitted);
        QCOMPARE(core::fitThreadShare(few).share, 1.0);
        QCOMPARE(core::fitThreadShare(few).blockOverheadMs, 0.0);
        // Misses too small a part to tell a share: paid whole, the overhead
        // still fitted (none here).
        std::vector<core::ThreadedBlock> tiny = blocks;
        for (core::ThreadedBlock &b : tiny) {
            b.missMs = 0.001 * b.withoutMissesMs;
            b.measuredMs = (b.withoutMissesMs + b.missMs) * (1 + noise(rng));
        }
        QCOMPARE(core::fitThreadShare(tiny).share, 1.0);
        QVERIFY(core::fitThreadShare(tiny).blockOverheadMs <= 0.001);
    }

    void lastLevelIsTheLargestNearTheBest()
    {
        const auto fits = [](std::vector<double> mapes) {
            std::vector<core::CacheMissFit> out;
            for (double m : mapes) {
                core::CacheMissFit f;
                f.mapeAfter = m;
                f.costs.resize(1);
                out.push_back(f);
            }
            return out;
        };
        // Two minima a factor of four apart (the Xeon VM's calibrations):
        // the larger capacity within half a point of the best is taken.
        QCOMPARE(core::chooseLastLevel(fits({15.08, 14.60, 14.49, 13.12, 14.00, 13.71, 14.81})),
                 size_t(3));
        QCOMPARE(core::chooseLastLevel(fits({14.26, 13.91, 13.94, 13.01, 13.24, 12.93, 14.20})),
                 size_t(3));
        // The reported capacity stays where it is within half a point of
        // the best, or where no smaller one gains 0.2 points on it.
        QCOMPARE(core::chooseLastLevel(fits({13.3, 13.2, 12.9})), size_t(0));
        // A candidate without costs is not taken.
        std::vector<core::CacheMissFit> f = fits({15, 12, 14});
        f[1].costs.clear();
        QCOMPARE(core::chooseLastLevel(f), size_t(2));
        QCOMPARE(core::chooseLastLevel({}), size_t(0));
    }

    void fitRecoversCostsFromObservedBlocks()
    {
        // Three modules with their own in-network factors, blocks whose
        // measured time adds 40 us per MiB read from beyond the second
        // level, 2 us after an overflow of the first and 120 us per MiB
        // written beyond the run's high-water mark (a tenth of the blocks,
        // as at the start of a run), with 3 % noise.
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> unit(0, 1);
        std::normal_distribution<double> noise(0, 0.03);
        const std::vector<double> capacities = {1 << 20, 32 << 20};
        const std::map<QString, double> factors = {
            {QStringLiteral("conv"), 1.2}, {QStringLiteral("add"), 1.6}, {QStringLiteral("fc"), 1}};
        std::vector<core::BlockObservation> blocks;
        for (int i = 0; i < 150; ++i) {
            core::BlockObservation o;
            o.module = std::next(factors.begin(), i % 3)->first;
            o.predictedMs = 0.003 * std::pow(300.0, unit(rng));
            o.coldMiB = {unit(rng) < 0.5 ? 0 : 4 * unit(rng), unit(rng) < 0.5 ? 0 : 4 * unit(rng)};
            o.overflow = {unit(rng) < 0.5 ? 0.0 : 1.0, 0};
            o.coldWriteMiB = unit(rng) < 0.1 ? 3 * unit(rng) : 0;
            o.measuredMs = (factors.at(o.module) * o.predictedMs + 0.04 * o.coldMiB[1] +
                            0.002 * o.overflow[0] + 0.12 * o.coldWriteMiB) *
                           (1 + noise(rng));
            blocks.push_back(o);
        }
        // One block the per-layer timing caught badly does not move the fit.
        blocks.front().measuredMs *= 20;
        const core::CacheMissFit fit = core::fitCacheMisses(blocks, capacities);
        QCOMPARE(fit.costs.size(), size_t(2));
        QCOMPARE(fit.costs[1].capacityBytes, double(32 << 20));
        QVERIFY2(std::fabs(fit.costs[1].msPerMiB - 0.04) < 0.004,
                 qPrintable(QString::number(fit.costs[1].msPerMiB)));
        QVERIFY2(std::fabs(fit.costs[0].afterOverflowMs - 0.002) < 0.0005,
                 qPrintable(QString::number(fit.costs[0].afterOverflowMs)));
        QVERIFY2(std::fabs(fit.coldWriteMsPerMiB - 0.12) < 0.012,
                 qPrintable(QString::number(fit.coldWriteMsPerMiB)));
        QVERIFY(fit.costs[0].msPerMiB < 0.004);
        QVERIFY(fit.costs[1].afterOverflowMs < 0.0005);
        QVERIFY(fit.mapeAfter < 5);
        QVERIFY(fit.mapeBefore > fit.mapeAfter);
        QVERIFY(fit.blocks < 150); // the bad one dropped
        const QString text = core::cacheMissesToText(fit, capacities);
        QVERIFY2(text.contains(QStringLiteral("32 MiB cache: ")) &&
                     text.contains(QStringLiteral("us per MiB read from beyond it")) &&
                     text.contains(QStringLiteral("written beyond the run's high-water mark")),
                 qPrintable(text));
        // What the terms charge a block is the fitted costs times its features.
        const core::BlockObservation &b = blocks[1];
        QVERIFY(qFuzzyCompare(1 + core::cacheMissMs(fit, b),
                              1 + fit.costs[0].msPerMiB * b.coldMiB[0] +
                                  fit.costs[0].afterOverflowMs * b.overflow[0] +
                                  fit.costs[1].msPerMiB * b.coldMiB[1] +
                                  fit.costs[1].afterOverflowMs * b.overflow[1] +
                                  fit.coldWriteMsPerMiB * b.coldWriteMiB));

        // Without any cache signal the blocks need no cost: none is fitted.
        for (core::BlockObservation &o : blocks)
            o.measuredMs = factors.at(o.module) * o.predictedMs * (1 + noise(rng));
        QVERIFY(core::fitCacheMisses(blocks, capacities).costs.empty());
        QCOMPARE(core::fitCacheMisses(blocks, capacities).coldWriteMsPerMiB, 0.0);
        // Too few blocks, or observations without the levels: none either.
        blocks.resize(10);
        QVERIFY(core::fitCacheMisses(blocks, capacities).costs.empty());
        QVERIFY(core::fitCacheMisses(blocks, {}).costs.empty());
    }

    void costScaleIsTheOnePredictingHeldOutNetworksBest()
    {
        // Four networks of two modules, two whose data stay in the caches
        // and two reading much from memory at 60 us per MiB beyond the
        // second level; a fit that found half that cost.
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> unit(0, 1);
        std::normal_distribution<double> noise(0, 0.02);
        const std::map<QString, double> factors = {{QStringLiteral("conv"), 1.2},
                                                   {QStringLiteral("add"), 1.5}};
        std::vector<core::BlockObservation> blocks;
        const QStringList sources = {QStringLiteral("a.onnx"), QStringLiteral("b.onnx"),
                                     QStringLiteral("c.onnx"), QStringLiteral("d.onnx")};
        for (int n = 0; n < sources.size(); ++n) {
            for (int i = 0; i < 30; ++i) {
                core::BlockObservation o;
                o.module = std::next(factors.begin(), i % 2)->first;
                o.source = sources[n];
                o.predictedMs = 0.05 + 0.5 * unit(rng);
                o.coldMiB = {0, n < 2 ? 0.0 : 2 + 4 * unit(rng)};
                o.overflow = {0, 0};
                o.measuredMs =
                    (factors.at(o.module) * o.predictedMs + 0.06 * o.coldMiB[1]) * (1 + noise(rng));
                blocks.push_back(o);
            }
        }
        core::CacheMissFit half;
        half.costs = {{1 << 20, 0, 0.001}, {32 << 20, 0.03, 0}};
        const core::CostScaleChoice choice = core::chooseCostScale(blocks, half);
        QCOMPARE(choice.scale, 2.0);
        QCOMPARE(choice.networks, 4);
        QCOMPARE(choice.blocks, 120);
        QVERIFY2(
            choice.mapeChosen < 5 && choice.mapeAtOne > choice.mapeChosen + 5,
            qPrintable(QStringLiteral("%1 -> %2").arg(choice.mapeAtOne).arg(choice.mapeChosen)));
        QVERIFY2(core::costScaleToText(choice).contains(QStringLiteral("x2 ")),
                 qPrintable(core::costScaleToText(choice)));
        // Scaled are the costs per MiB read, not the cost after an overflow.
        const core::CacheMissFit scaled = core::scaledReadCosts(half, choice.scale);
        QCOMPARE(scaled.costs[1].msPerMiB, 0.06);
        QCOMPARE(scaled.costs[0].afterOverflowMs, 0.001);

        // The costs as found: kept.
        core::CacheMissFit right = half;
        right.costs[1].msPerMiB = 0.06;
        QCOMPARE(core::chooseCostScale(blocks, right).scale, 1.0);

        // A probe's blocks help predict the networks but are not held out.
        for (int i = 0; i < 20; ++i) {
            core::BlockObservation o = blocks[size_t(i)];
            o.source = QStringLiteral("probe.onnx");
            o.probe = true;
            blocks.push_back(o);
        }
        QCOMPARE(core::chooseCostScale(blocks, half).networks, 4);
        QCOMPARE(core::chooseCostScale(blocks, half).blocks, 120);

        // Two networks cannot tell: no choice, and nothing printed.
        std::vector<core::BlockObservation> two(blocks.begin(), blocks.begin() + 60);
        const core::CostScaleChoice none = core::chooseCostScale(two, half);
        QCOMPARE(none.scale, 1.0);
        QCOMPARE(none.blocks, 0);
        QVERIFY(core::costScaleToText(none).isEmpty());
        // Nor without costs.
        QCOMPARE(core::chooseCostScale(blocks, core::CacheMissFit{}).scale, 1.0);
    }

    void lastLevelCapacityIsFittedWhereTheBlocksBearItOut()
    {
        const double mib = 1 << 20;
        QCOMPARE(core::lastLevelCandidates({2 * mib, 480 * mib}),
                 (std::vector<double>{480 * mib, 240 * mib, 120 * mib, 60 * mib, 30 * mib, 15 * mib,
                                      7.5 * mib}));
        QCOMPARE(core::lastLevelCandidates({mib}), (std::vector<double>{mib}));
        QVERIFY(core::lastLevelCandidates({}).empty());
        const std::vector<double> reported = {mib, 64 * mib};
        const std::vector<double> columns = core::observedCapacities(reported);
        QCOMPARE(columns, (std::vector<double>{mib, 64 * mib, 32 * mib, 16 * mib, 8 * mib, 4 * mib,
                                               2 * mib}));
        // Blocks that read r MiB last touched d MiB ago, described at every
        // column with the soft edge of BlockReads (cached within one
        // capacity, not beyond two). Their measured time pays 40 us per MiB
        // from beyond `truth`, and 5 us per MiB from beyond the first level.
        const auto blocksFor = [&](double truth) {
            std::mt19937 rng(11);
            std::uniform_real_distribution<double> unit(0, 1);
            std::normal_distribution<double> noise(0, 0.02);
            const auto cold = [](double r, double d, double c) {
                return r * std::clamp((d - c) / c, 0.0, 1.0);
            };
            std::vector<core::BlockObservation> blocks;
            for (int i = 0; i < 200; ++i) {
                core::BlockObservation o;
                o.module = i % 2 ? QStringLiteral("conv") : QStringLiteral("add");
                o.predictedMs = 0.01 * std::pow(100.0, unit(rng));
                const double r = 4 * unit(rng), d = std::pow(2.0, 9 * unit(rng)) * mib;
                for (double c : columns) {
                    o.coldMiB.push_back(cold(r, d, c));
                    o.overflow.push_back(0);
                }
                o.measuredMs =
                    (o.predictedMs + 0.005 * cold(r, d, mib) + 0.04 * cold(r, d, truth)) *
                    (1 + noise(rng));
                blocks.push_back(std::move(o));
            }
            return blocks;
        };
        std::vector<core::BlockObservation> blocks = blocksFor(16 * mib);
        const core::CacheLevelsFit levels = core::fitCacheLevels(&blocks, reported);
        QCOMPARE(levels.capacities, (std::vector<double>{mib, 16 * mib}));
        QCOMPARE(levels.fit.costs.size(), size_t(2));
        QCOMPARE(levels.fit.costs[1].capacityBytes, 16 * mib);
        QVERIFY2(std::fabs(levels.fit.costs[1].msPerMiB - 0.04) < 0.004,
                 qPrintable(QString::number(levels.fit.costs[1].msPerMiB)));
        QVERIFY(levels.fit.mapeAfter < levels.mapeAtReported - 0.2);
        // The blocks come back described at the capacities chosen.
        QCOMPARE(blocks.front().coldMiB.size(), size_t(2));
        const std::vector<core::BlockObservation> again = blocksFor(16 * mib);
        QCOMPARE(blocks.front().coldMiB[1], again.front().coldMiB[3]);
        QCOMPARE(blocks.front().coldMiB[0], again.front().coldMiB[0]);
        const QString text = core::cacheLevelsToText(levels);
        QVERIFY2(text.contains(QStringLiteral("16 MiB of the 64 MiB reported")), qPrintable(text));

        // Where the reported capacity is the one the blocks show, it stays.
        blocks = blocksFor(64 * mib);
        const core::CacheLevelsFit kept = core::fitCacheLevels(&blocks, reported);
        QCOMPARE(kept.capacities, reported);
        QCOMPARE(blocks.front().coldMiB.size(), size_t(2));
        QVERIFY(!core::cacheLevelsToText(kept).contains(QStringLiteral("reported")));
    }

    void profileKeepsCostsAndPredictionsAddThem()
    {
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->cacheMissCosts = {{1 << 20, 0.01, 0.003}, {32 << 20, 0.05, 0.001}};
        profile->coldWriteMsPerMiB = 0.125;
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("p"));
        QVERIFY2(profile->save(saved, &error), qPrintable(error));
        auto loaded = core::DeviceProfile::load(saved, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->cacheMissCosts.size(), size_t(2));
        QCOMPARE(loaded->cacheMissCosts[1].capacityBytes, double(32 << 20));
        QCOMPARE(loaded->cacheMissCosts[1].msPerMiB, 0.05);
        QCOMPARE(loaded->cacheMissCosts[0].afterOverflowMs, 0.003);
        QCOMPARE(loaded->coldWriteMsPerMiB, 0.125);
        // The built-in profile's costs were fitted to reads alone; the flag
        // that says a profile's were fitted with written buffers too is kept.
        QVERIFY(!loaded->cacheMissesOfWrites);
        profile->cacheMissesOfWrites = true;
        const QString withWrites = dir.filePath(QStringLiteral("w"));
        QVERIFY2(profile->save(withWrites, &error), qPrintable(error));
        auto writing = core::DeviceProfile::load(withWrites, &error);
        QVERIFY2(writing && writing->cacheMissesOfWrites, qPrintable(error));

        // The same network predicted with and without the costs: every
        // block with a model pays its cache misses on top, the total their sum.
        const auto net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY2(net.ok(), qPrintable(net.error));
        auto plain = core::DeviceProfile::load(saved, &error);
        QVERIFY(plain);
        plain->cacheMissCosts.clear();
        plain->coldWriteMsPerMiB = 0;
        core::NetworkPredictor with, without;
        QVERIFY(
            with.prepare(*net.graph, net.analysis, *loaded, core::defaultProfilingSpec(), &error));
        QVERIFY(without.prepare(*net.graph, net.analysis, *plain, core::defaultProfilingSpec(),
                                &error));
        for (int batch : {1, 8}) {
            const auto a = with.predict({batch, 0, 1});
            const auto b = without.predict({batch, 0, 1});
            double misses = 0;
            for (size_t i = 0; i < a.blocks.size(); ++i) {
                QCOMPARE(b.blocks[i].cacheMissMs, 0.0);
                QVERIFY(a.blocks[i].cacheMissMs >= 0);
                if (a.blocks[i].latencyMs.available)
                    QVERIFY(qFuzzyCompare(a.blocks[i].latencyMs.value,
                                          b.blocks[i].latencyMs.value + a.blocks[i].cacheMissMs));
                misses += a.blocks[i].cacheMissMs;
            }
            QVERIFY(qFuzzyCompare(a.latencyMs.value, b.latencyMs.value + misses));
            // ResNet-18's 45 MiB of weights come from beyond 32 MiB: the
            // classifier's 2 MiB among them.
            const auto &fc = a.blocks.back();
            QCOMPARE(with.blocks().back().module, QStringLiteral("linear"));
            QVERIFY2(fc.cacheMissMs > 0.05 * 1.9, qPrintable(QString::number(fc.cacheMissMs)));
        }

        // Counting the buffers blocks write adds cold bytes and never
        // takes any away.
        core::NetworkPredictor writes;
        QVERIFY(writes.prepare(*net.graph, net.analysis, *writing, core::defaultProfilingSpec(),
                               &error));
        double readMisses = 0, writeMisses = 0;
        const auto r = with.predict({1, 0, 1}), w = writes.predict({1, 0, 1});
        for (size_t i = 0; i < r.blocks.size(); ++i) {
            readMisses += r.blocks[i].cacheMissMs;
            writeMisses += w.blocks[i].cacheMissMs;
        }
        QVERIFY2(writeMisses > readMisses,
                 qPrintable(QStringLiteral("%1 %2").arg(writeMisses).arg(readMisses)));
        // On two threads a block pays the profile's share of its misses, on
        // one all of them; the share is kept in the manifest.
        const QString shared = dir.filePath(QStringLiteral("s"));
        auto halved = resaved(
            withWrites, shared, [](core::DeviceProfile *p) { p->cacheMissShareTwoThreads = 0.5; },
            &error);
        QVERIFY2(halved, qPrintable(error));
        QCOMPARE(halved->cacheMissShareTwoThreads, 0.5);
        core::NetworkPredictor sharing;
        QVERIFY(sharing.prepare(*net.graph, net.analysis, *halved, core::defaultProfilingSpec(),
                                &error));
        const auto oneWhole = writes.predict({1, 0, 1}), oneShared = sharing.predict({1, 0, 1});
        const auto twoWhole = writes.predict({1, 0, 2}), twoShared = sharing.predict({1, 0, 2});
        for (size_t i = 0; i < oneWhole.blocks.size(); ++i) {
            QCOMPARE(oneShared.blocks[i].cacheMissMs, oneWhole.blocks[i].cacheMissMs);
            QVERIFY(qFuzzyCompare(1 + twoShared.blocks[i].cacheMissMs,
                                  1 + 0.5 * twoWhole.blocks[i].cacheMissMs));
        }

        // Every block pays the overhead per block on two threads, and twice
        // it on four; none on one.
        const QString meeting = dir.filePath(QStringLiteral("o"));
        auto withOverhead = resaved(
            shared, meeting, [](core::DeviceProfile *p) { p->blockOverheadMsTwoThreads = 0.003; },
            &error);
        QVERIFY2(withOverhead, qPrintable(error));
        QCOMPARE(withOverhead->blockOverheadMsTwoThreads, 0.003);
        core::NetworkPredictor meetingPredictor;
        QVERIFY(meetingPredictor.prepare(*net.graph, net.analysis, *withOverhead,
                                         core::defaultProfilingSpec(), &error));
        const auto oneMeeting = meetingPredictor.predict({1, 0, 1});
        const auto twoMeeting = meetingPredictor.predict({1, 0, 2});
        const auto fourMeeting = meetingPredictor.predict({1, 0, 4});
        const auto fourShared = sharing.predict({1, 0, 4});
        int paying = 0, payingOnFour = 0;
        for (size_t i = 0; i < oneWhole.blocks.size(); ++i) {
            if (!twoShared.blocks[i].latencyMs.available || twoShared.blocks[i].view)
                continue;
            ++paying;
            QCOMPARE(oneMeeting.blocks[i].latencyMs.value, oneShared.blocks[i].latencyMs.value);
            QVERIFY(std::fabs(twoMeeting.blocks[i].latencyMs.value -
                              twoShared.blocks[i].latencyMs.value - 0.003) < 1e-12);
            if (!fourShared.blocks[i].latencyMs.available)
                continue;
            ++payingOnFour;
            const double fourDiff =
                fourMeeting.blocks[i].latencyMs.value - fourShared.blocks[i].latencyMs.value;
            QVERIFY2(std::fabs(fourDiff - 0.006) < 1e-12, qPrintable(QString::number(fourDiff)));
        }
        QVERIFY(paying > 10);
        QVERIFY(payingOnFour > 10);

        // Writes beyond the run's high-water mark: the first convolution
        // writes the executor's channels-last copy of the input and its own
        // output into memory the run has not touched; the classifier, at
        // the end, writes into buffers earlier blocks freed. Over the run
        // they add up to the most that is alive at once.
        const std::vector<int64_t> &cold = with.coldWrites();
        QCOMPARE(cold.size(), with.blocks().size());
        const int64_t input = 3 * 224 * 224 * 4, conv1 = 64 * 112 * 112 * 4;
        QCOMPARE(cold.front(), input + conv1);
        QCOMPARE(cold.back(), int64_t(0));
        int64_t total = 0;
        for (int64_t bytes : cold)
            total += bytes;
        const auto one = with.predict({1, 0, 1});
        QVERIFY2(total > input + conv1 && double(total) <= 1.05 * (one.memoryBytes.value + input),
                 qPrintable(QStringLiteral("%1 of %2").arg(total).arg(one.memoryBytes.value)));
        const auto eight = with.predict({8, 0, 1});
        const auto eightPlain = without.predict({8, 0, 1});
        QVERIFY(eight.blocks.front().cacheMissMs >=
                0.125 * 8 * double(input + conv1) / (1 << 20) - 1e-9);
        QVERIFY(eightPlain.blocks.front().cacheMissMs == 0);

        // A damaged cost is refused with the file named.
        QFile manifest(saved + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray text = manifest.readAll();
        manifest.close();
        QVERIFY(text.contains("\"after_overflow_ms\": 0.001"));
        text.replace("\"after_overflow_ms\": 0.001", "\"after_overflow_ms\": -1");
        QVERIFY(writeText(saved + QStringLiteral("/manifest.json"), text));
        QVERIFY(!core::DeviceProfile::load(saved, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("cache-miss")),
                 qPrintable(error));
        text.replace("\"after_overflow_ms\": -1", "\"after_overflow_ms\": 0.001");
        QVERIFY(text.contains("\"cold_write_ms_per_mib\": 0.125"));
        text.replace("\"cold_write_ms_per_mib\": 0.125", "\"cold_write_ms_per_mib\": -0.1");
        QVERIFY(writeText(saved + QStringLiteral("/manifest.json"), text));
        QVERIFY(!core::DeviceProfile::load(saved, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("high-water mark")),
                 qPrintable(error));
        expectRefusedEdit(shared, "\"cache_miss_share_two_threads\": 0.5",
                          "\"cache_miss_share_two_threads\": 1.5", QStringLiteral("two threads"));
        // A negative overhead is refused by name.
        expectRefusedEdit(meeting, "\"block_overhead_ms_two_threads\": 0.003",
                          "\"block_overhead_ms_two_threads\": -0.003",
                          QStringLiteral("overhead per block"));
    }

    void readsCacheSizesFromSysfs()
    {
        QTemporaryDir dir;
        const QString cpu = dir.filePath(QStringLiteral("cpu0"));
        auto level = [&](int index, const char *lvl, const char *type, const char *size) {
            const QString d = cpu + QStringLiteral("/cache/index%1/").arg(index);
            return writeText(d + QStringLiteral("level"), lvl) &&
                   writeText(d + QStringLiteral("type"), type) &&
                   writeText(d + QStringLiteral("size"), size);
        };
        QVERIFY(level(0, "1\n", "Data\n", "48K\n"));
        QVERIFY(level(1, "1\n", "Instruction\n", "32K\n"));
        QVERIFY(level(2, "2\n", "Unified\n", "1024K\n"));
        QVERIFY(level(3, "3\n", "Unified\n", "32M\n"));
        QCOMPARE(core::localCacheCapacities(cpu), (std::vector<int64_t>{1 << 20, 32 << 20}));
        QVERIFY(core::localCacheCapacities(dir.filePath(QStringLiteral("none"))).empty());
        // This machine's own list is ordered and positive, whatever it holds.
        const auto local = core::localCacheCapacities();
        for (size_t i = 0; i < local.size(); ++i)
            QVERIFY(local[i] > 0 && (i == 0 || local[i] >= local[i - 1]));
    }

    // A kernel that lists no caches (a Firecracker guest's) leaves the
    // sizes to the CPU's own report, which glibc reads on x86-64.
    void fallsBackToTheCpusReport()
    {
        const auto reported = core::cpuReportedCacheCapacities();
        for (size_t i = 0; i < reported.size(); ++i)
            QVERIFY(reported[i] > 0 && (i == 0 || reported[i] >= reported[i - 1]));
#if defined(__x86_64__) && defined(__GLIBC__)
        QVERIFY2(!reported.empty(), "glibc reads no level-2 cache size from CPUID");
        QVERIFY(reported.front() >= 64 * 1024); // no x86-64 CPU has a smaller L2
#endif
        QString source;
        const auto machine = core::machineCacheCapacities(&source);
        if (!core::localCacheCapacities().empty()) {
            QCOMPARE(source, QStringLiteral("sysfs"));
            QCOMPARE(machine, core::localCacheCapacities());
        } else {
            QCOMPARE(machine, reported);
            QCOMPARE(source, reported.empty() ? QString() : QStringLiteral("cpuid"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCacheMisses)
#include "tst_cache_misses.moc"
