// Small helpers on file-system paths, shared by the commands.
#pragma once

#include <string>

namespace ptest {

// Whether anything (file, directory, ...) is at `path`.
bool path_exists(const std::string& path);

// The directory part of `path`: "." for a bare name, "/" for "/name".
std::string parent_directory(const std::string& path);

// A file beside another: "<directory of path>/<name>".
std::string sibling_path(const std::string& path, const std::string& name);

// Removes a directory and everything in it; what cannot be removed stays.
void remove_tree(const std::string& path);

}  // namespace ptest
