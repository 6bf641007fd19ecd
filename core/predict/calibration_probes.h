#pragma once

#include <QString>
#include <QStringList>

namespace layerlens::core {

// Small networks calibrate times besides its calibration networks, for
// what those networks hold at one size or not at all; written into dir.
// - The channel split (two Slices of half the channels) and the channel
//   shuffle (Reshape, Transpose, Reshape) of ShuffleNet-like blocks, on
//   channels-last activations from 90 KiB to 5 MiB, each between two 1x1
//   convolutions as a network runs it: a copy seen at one size (a vision
//   transformer slices its tokens at one) cannot tell its fixed cost from
//   its cost per byte.
// - SqueezeNet's fire module (a squeeze, two expansions concatenated, the
//   next squeeze) at eight sizes, batch 1 and 8: the concatenation between
//   convolutions, which the calibration networks may not hold at all.
// Only blocks of modules no calibration network shows teach anything from
// the modules around a copy (addProbeBlocks): a probe's weights stay in the
// caches from one run to the next, a network's do not.
// Returns the files written; sets error (and returns none) when dir cannot
// take them.
QStringList writeCalibrationProbes(const QString &dir, QString *error);

} // namespace layerlens::core
