#include "devices/remote_profiling.h"

#include "profiling/dataset_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

} // namespace

bool runRemoteProfiling(const RemoteProfileRequest &request, RemoteProfileResult *result,
                        const std::function<bool(const RemoteProfileProgress &)> &progress)
{
    AgentClient client;
    QString problem;
    if (!client.connectTo(request.address, request.token, request.tls, &problem)) {
        result->error = problem;
        return false;
    }
    QJsonArray harvest;
    for (const QString &path : request.harvest) {
        const auto sha = client.uploadNetwork(path, &problem);
        if (!sha) {
            result->error = problem;
            return false;
        }
        harvest.append(*sha);
    }
    const auto cursorAnswer = client.request(QStringLiteral("cursor"), {}, &problem);
    if (!cursorAnswer) {
        result->error = problem;
        return false;
    }
    qint64 cursor = cursorAnswer->value(QStringLiteral("cursor")).toInteger();
    const QJsonObject job{
        {QStringLiteral("kind"), QStringLiteral("profile")},
        {QStringLiteral("spec"), QJsonDocument::fromJson(request.specJson).object()},
        {QStringLiteral("budget_s"), request.budgetSeconds},
        {QStringLiteral("max_samples"), request.maxSamples},
        {QStringLiteral("harvest"), harvest},
        {QStringLiteral("shard"), QJsonArray{request.shardIndex, request.shardCount}}};
    const auto submitted =
        client.request(QStringLiteral("submit"), {{QStringLiteral("job"), job}}, &problem);
    if (!submitted) {
        result->error = tr("%1: %2").arg(request.label, problem);
        return false;
    }
    result->job = submitted->value(QStringLiteral("job")).toInteger();
    DatasetStore store;
    if (!store.open(request.dbPath)) {
        result->error = store.errorString();
        return false;
    }
    bool cancelSent = false;
    RemoteProfileProgress state;
    state.job = result->job;
    for (;;) {
        // Every sample stored since the cursor; a page repeated after a
        // reconnect is harmless, the host store skips ids it holds.
        bool linkOk = true;
        for (;;) {
            const auto page = client.request(
                QStringLiteral("fetch"),
                {{QStringLiteral("since"), cursor}, {QStringLiteral("limit"), 500}}, &problem);
            if (!page) {
                linkOk = false;
                break;
            }
            std::vector<Sample> samples;
            for (const QJsonValue &v : page->value(QStringLiteral("samples")).toArray()) {
                QString bad;
                if (auto s = sampleFromJson(v.toObject(), &bad))
                    samples.push_back(std::move(*s));
            }
            if (!samples.empty()) {
                const int added = store.importSamples(samples);
                if (added < 0) {
                    result->error = store.errorString();
                    return false;
                }
                result->imported += added;
                result->fetched += static_cast<qint64>(samples.size());
                result->fingerprint = samples.back().deviceFingerprint;
            }
            cursor = page->value(QStringLiteral("cursor")).toInteger();
            if (!page->value(QStringLiteral("more")).toBool())
                break;
        }
        std::optional<QJsonObject> answer;
        if (linkOk)
            answer = client.request(QStringLiteral("job"), {{QStringLiteral("job"), result->job}},
                                    &problem);
        if (!answer) {
            state.message = tr("%1: %2; reconnecting").arg(request.label, problem);
            // A cancel asked for now is sent once the link is back.
            const bool goOn = !progress || progress(state);
            state.message.clear();
            bool back = false;
            for (int wait = 1, spent = 0; spent < 300;
                 spent += wait, wait = std::min(wait * 2, 30)) {
                QThread::sleep(static_cast<unsigned long>(wait));
                if (client.connectTo(request.address, request.token, request.tls, &problem)) {
                    back = true;
                    ++result->reconnects;
                    break;
                }
            }
            if (back && !goOn && !cancelSent) {
                client.request(QStringLiteral("cancel"), {{QStringLiteral("job"), result->job}},
                               &problem);
                cancelSent = true;
            }
            if (!back) {
                result->error = tr("%1: gave up reconnecting (%2); %3 samples imported, the agent "
                                   "keeps the rest for the next fetch")
                                    .arg(request.label, problem)
                                    .arg(result->imported);
                return false;
            }
            continue;
        }
        const QJsonObject j = answer->value(QStringLiteral("job")).toObject();
        result->status = j.value(QStringLiteral("status")).toString();
        state.status = result->status;
        state.agentStored = j.value(QStringLiteral("stored")).toInteger();
        state.imported = result->imported;
        const bool over = result->status == QLatin1String("done") ||
                          result->status == QLatin1String("failed") ||
                          result->status == QLatin1String("cancelled");
        if (over) {
            // One more look after the end, so nothing stored last is missed.
            const auto last = client.request(
                QStringLiteral("fetch"),
                {{QStringLiteral("since"), cursor}, {QStringLiteral("limit"), 1}}, &problem);
            if (last && last->value(QStringLiteral("samples")).toArray().isEmpty()) {
                if (result->status == QLatin1String("failed"))
                    result->error = j.value(QStringLiteral("error")).toString();
                if (progress)
                    progress(state);
                return result->status != QLatin1String("failed");
            }
            continue;
        }
        const bool goOn = !progress || progress(state);
        if (!goOn && !cancelSent) {
            client.request(QStringLiteral("cancel"), {{QStringLiteral("job"), result->job}},
                           &problem);
            cancelSent = true;
        }
        QThread::msleep(500);
    }
}

std::optional<QJsonObject> runRemoteJob(AgentClient &client, const QJsonObject &job,
                                        const std::function<bool(double)> &progress, QString *error)
{
    const auto submitted =
        client.request(QStringLiteral("submit"), {{QStringLiteral("job"), job}}, error);
    if (!submitted)
        return std::nullopt;
    const qint64 id = submitted->value(QStringLiteral("job")).toInteger();
    bool cancelSent = false;
    for (;;) {
        const auto state =
            client.request(QStringLiteral("job"), {{QStringLiteral("job"), id}}, error);
        if (!state)
            return std::nullopt;
        const QJsonObject record = state->value(QStringLiteral("job")).toObject();
        const QString status = record.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("done") || status == QLatin1String("failed") ||
            status == QLatin1String("cancelled")) {
            if (status != QLatin1String("done"))
                *error = status == QLatin1String("failed")
                             ? record.value(QStringLiteral("error")).toString()
                             : tr("cancelled");
            return record;
        }
        if (progress && !progress(record.value(QStringLiteral("fraction")).toDouble()) &&
            !cancelSent) {
            client.request(QStringLiteral("cancel"), {{QStringLiteral("job"), id}}, error);
            cancelSent = true;
        }
        QThread::msleep(200);
    }
}

} // namespace layerlens::core
