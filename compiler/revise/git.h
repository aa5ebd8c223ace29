// What `concord revise --git` asks git: where a file's repository is, which
// commit a revision names, a file's text at a commit and the commits that
// touched it. git runs as a child process with an argument vector (no shell),
// so a revision or a path is never interpreted as shell syntax. Failures come
// back as text for a diagnostic (E0080, E0081), never as exceptions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace concord::revise {

// A file inside a git working tree.
struct GitFile {
  std::string toplevel;      // absolute path of the working tree
  std::string path_in_repo;  // relative to `toplevel`, with `/` separators
};

// Finds the repository of `path` (`git -C DIR rev-parse --show-toplevel`).
// On failure returns nullopt and sets `why` ("git is not installed", "not a
// git repository").
std::optional<GitFile> LocateInGit(const std::string& path, std::string* why);

// The full hash of the commit `revision` names (`HEAD~1`, a tag, a hash).
std::optional<std::string> ResolveCommit(const GitFile& file, const std::string& revision,
                                         std::string* why);

// The bytes of `path_in_repo` at `commit`: what `git show COMMIT:PATH` prints
// for a file.
std::optional<std::string> ReadAtCommit(const GitFile& file, const std::string& commit,
                                        const std::string& path_in_repo, std::string* why);

// One commit that touched the file, with the file's path in that commit
// (renames are followed).
struct FileCommit {
  std::string hash;
  std::string date;  // committer date, YYYY-MM-DD
  std::string path_in_repo;
};

// The commits that touched the file, newest first
// (`git log --follow --name-only -- PATH`).
std::optional<std::vector<FileCommit>> FileHistory(const GitFile& file, std::string* why);

}  // namespace concord::revise
