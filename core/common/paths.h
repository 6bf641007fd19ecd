#pragma once

#include <QString>

namespace layerlens::core {

// Where LayerLens keeps the user's data (datasets, saved profiles, tokens):
// <XDG data home>/layerlens, shared by the desktop app, the CLI and the agent.
QString userDataDir();

// Where LayerLens keeps the user's configuration (registered devices, the
// agent's token): <XDG config home>/layerlens.
QString userConfigDir();

// The SHA-256 of a file's content in hex; empty when it cannot be read.
QString fileSha256(const QString &path);

} // namespace layerlens::core
