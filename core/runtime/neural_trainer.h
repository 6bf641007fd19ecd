#pragma once

#include "models/neural_network.h"

namespace layerlens::core {

// Trains request's network with LibTorch: Adam with cosine-decayed learning
// rate and weight decay, shuffled mini-batches, Huber loss on the masked log
// error, float32 on one thread with a fixed seed so a run repeats exactly.
// The weights come back as doubles for Eigen inference.
bool trainNeuralNetwork(const NeuralFitRequest &request, NeuralNetwork *out, QString *error);

} // namespace layerlens::core
