#include "report/trace_export.h"

#include <QJsonArray>

namespace layerlens::core {

QJsonObject measurementToTrace(const NetworkMeasurement &m)
{
    QJsonArray events;
    const auto us = [](double ms) {
        return ms * 1000.0;
    };
    events.append(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("process_name")},
        {QStringLiteral("ph"), QStringLiteral("M")},
        {QStringLiteral("pid"), 1},
        {QStringLiteral("args"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("LayerLens: %1").arg(m.model)}}}});
    events.append(QJsonObject{
        {QStringLiteral("name"), m.model},
        {QStringLiteral("cat"), QStringLiteral("network")},
        {QStringLiteral("ph"), QStringLiteral("X")},
        {QStringLiteral("pid"), 1},
        {QStringLiteral("tid"), 1},
        {QStringLiteral("ts"), 0},
        {QStringLiteral("dur"), us(m.latency.median)},
        {QStringLiteral("args"), QJsonObject{{QStringLiteral("batch"), m.batch},
                                             {QStringLiteral("threads"), m.threads},
                                             {QStringLiteral("median_ms"), m.latency.median},
                                             {QStringLiteral("cv"), m.latency.cv},
                                             {QStringLiteral("runs"), m.latency.runs},
                                             {QStringLiteral("layer_sum_ms"), m.layerSumMs}}}});
    double at = 0;
    for (const LayerTiming &l : m.layers) {
        events.append(QJsonObject{
            {QStringLiteral("name"), l.name},
            {QStringLiteral("cat"), l.op},
            {QStringLiteral("ph"), QStringLiteral("X")},
            {QStringLiteral("pid"), 1},
            {QStringLiteral("tid"), 1},
            {QStringLiteral("ts"), us(at)},
            {QStringLiteral("dur"), us(m.layerMs(l))},
            {QStringLiteral("args"), QJsonObject{{QStringLiteral("op"), l.op},
                                                 {QStringLiteral("median_ms"), l.stats.median},
                                                 {QStringLiteral("mean_ms"), l.stats.mean},
                                                 {QStringLiteral("p10_ms"), l.stats.p10},
                                                 {QStringLiteral("p90_ms"), l.stats.p90},
                                                 {QStringLiteral("cv"), l.stats.cv},
                                                 {QStringLiteral("runs"), l.stats.runs}}}});
        at += m.layerMs(l);
    }
    return QJsonObject{{QStringLiteral("traceEvents"), events},
                       {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}};
}

} // namespace layerlens::core
