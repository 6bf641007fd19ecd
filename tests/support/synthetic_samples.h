#pragma once

// Module samples of a made-up device, for the model and calibration tests.
#include "models/device_profile.h"
#include "profiling/dataset_store.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace layerlens::test {

// Samples of a made-up module "toy" (a Relu over channels 8-512 and square
// maps of 7-112) whose latency is 0.01 ms x channels x size^2 / 1000 (a
// power law, so exactly linear in the log features), on device "dev".
std::vector<core::Sample> syntheticSamples(int count, uint64_t seed);

// A base profile of device "dev" for calibration tests: each module ("toy"
// by default) trained as a ridge model on syntheticSamples(150, 20) under
// its name, saved into dir. Null with error.
std::unique_ptr<core::DeviceProfile> syntheticBaseProfile(const QString &dir, QString *error,
                                                          const QStringList &modules = {
                                                              QStringLiteral("toy")});

} // namespace layerlens::test
