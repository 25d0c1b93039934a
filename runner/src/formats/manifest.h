// The manifest: every discovered case with its target, markers and scope.
// Its JSON form is documented in docs/formats.md#manifest and described as
// data in formats/manifest_fields.h, which manifest_reader.cc and
// manifest_writer.cc follow; no other code knows it. Discovery writes one
// fragment per target in the same format, and the merged manifest is the
// concatenation of the fragments.
#pragma once

#include <string>

#include "model/errors.h"
#include "model/model.h"

namespace ptest {

constexpr int kManifestSchemaVersion = 1;

class ManifestError : public UserError {
 public:
  using UserError::UserError;
};

// Throws ManifestError naming the file and, for a bad field, its JSON pointer.
Manifest read_manifest(const std::string& path);
Manifest parse_manifest(const std::string& text, const std::string& source);

std::string manifest_to_json(const Manifest& manifest);

}  // namespace ptest
