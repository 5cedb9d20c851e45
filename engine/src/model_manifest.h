#pragma once

#include <string>

namespace depthstyle {

// The manifest of an installed model set: SHA256SUMS, in the format
// `sha256sum` writes, in the folder where the set's files really lie
// (packaging/fetch-models.sh installs each set into a folder of its own and
// points the model folder's names at it).
inline constexpr const char* kManifestFileName = "SHA256SUMS";

// Checks a model file against its set's manifest and returns the path to load:
// the file's real path (after symbolic links), so that the loader reads the
// very file that was checked even if a new set is put in use meanwhile. A file
// whose folder holds no manifest (placed there by hand) is returned as given.
// Throws EngineError(ModelInvalid) naming `file` when the manifest does not
// list it or lists another hash: a set mixed from two installations, or a
// file changed after installing.
std::string checkedModelFile(const std::string& file);

}  // namespace depthstyle
