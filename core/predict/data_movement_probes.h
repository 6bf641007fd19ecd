#pragma once

#include <QString>
#include <QStringList>

namespace layerlens::core {

// Small networks of one data-movement copy each, written into dir for
// calibrate to time: the channel split (two Slices of half the channels)
// and the channel shuffle (Reshape, Transpose, Reshape) of ShuffleNet-like
// blocks, on channels-last activations from 90 KiB to 5 MiB, each between
// two 1x1 convolutions as a network runs it; and SqueezeNet's fire module
// (a squeeze, two expansions concatenated, the next squeeze) at eight
// sizes, batch 1 and 8, for the concatenation between convolutions.
// Networks alone rarely hold such a copy at more than one size (a vision
// transformer slices its tokens at one), and a cost fitted at one size
// cannot tell its fixed part from its part per byte; the calibration
// networks may hold no concatenation at all. Returns the files written;
// sets error (and returns none) when dir cannot take them.
QStringList writeDataMovementProbes(const QString &dir, QString *error);

} // namespace layerlens::core
