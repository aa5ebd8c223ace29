// Running git. posix_spawnp with pipes for stdout and stderr, drained together
// with poll so that neither can fill up and stall the child; stdin is
// /dev/null so git never waits for a terminal. LC_ALL=C keeps git's messages
// in English, as the diagnostics that quote them are.
#include "compiler/revise/git.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace concord::revise {
namespace {

namespace fs = std::filesystem;

// More than any charter: a revision that prints this much is not a charter.
constexpr size_t kMaxOutput = 64u << 20;

struct GitRun {
  bool started = false;
  int status = -1;  // exit status, -1 when killed or not started
  std::string out;
  std::string err;
  bool truncated = false;
};

GitRun RunGit(const std::vector<std::string>& args) {
  GitRun run;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return run;
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);

  std::vector<std::string> env_storage;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (entry.starts_with("LC_ALL=") || entry.starts_with("LANGUAGE=")) continue;
    env_storage.emplace_back(entry);
  }
  env_storage.emplace_back("LC_ALL=C");
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_storage = {"git"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return run;
  }
  run.started = true;

  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open_fds = 2;
  char buffer[1 << 16];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[k].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fds[k].fd);
        fds[k].fd = -1;
        --open_fds;
        continue;
      }
      sinks[k]->append(buffer, static_cast<size_t>(n));
      if (sinks[k]->size() > kMaxOutput && !run.truncated) {
        run.truncated = true;
        kill(pid, SIGKILL);
      }
    }
  }
  for (pollfd& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  run.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  return run;
}

// git's own explanation: the first line of stderr without "fatal: ".
std::string Reason(const GitRun& run, std::string_view fallback) {
  if (!run.started) return "git is not installed or cannot be run";
  if (run.truncated) return "git printed more than 64 MiB";
  std::string line = run.err.substr(0, run.err.find('\n'));
  for (std::string_view prefix : {"fatal: ", "error: "}) {
    if (line.starts_with(prefix)) line.erase(0, prefix.size());
  }
  return line.empty() ? std::string(fallback) : line;
}

bool Ok(const GitRun& run) {
  return run.started && !run.truncated && run.status == 0;
}

std::string TrimNewline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

std::optional<GitFile> LocateInGit(const std::string& path, std::string* why) {
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  GitRun top = RunGit({"-C", dir, "rev-parse", "--show-toplevel"});
  if (!Ok(top)) {
    *why = Reason(top, "not a git repository");
    return std::nullopt;
  }
  std::error_code ec;
  fs::path toplevel = fs::weakly_canonical(TrimNewline(top.out), ec);
  fs::path file = fs::weakly_canonical(path, ec);
  fs::path relative = file.lexically_relative(toplevel);
  if (ec || relative.empty() || *relative.begin() == "..") {
    *why = "the file is outside the repository at `" + toplevel.string() + "`";
    return std::nullopt;
  }
  return GitFile{toplevel.string(), relative.generic_string()};
}

std::optional<std::string> ResolveCommit(const GitFile& file, const std::string& revision,
                                         std::string* why) {
  GitRun rev = RunGit({"-C", file.toplevel, "rev-parse", "--verify", "--quiet", "--end-of-options",
                       revision + "^{commit}"});
  if (!Ok(rev)) {
    *why = rev.started ? "no commit of that name in the repository" : Reason(rev, "");
    return std::nullopt;
  }
  return TrimNewline(rev.out);
}

std::optional<std::string> ReadAtCommit(const GitFile& file, const std::string& commit,
                                        const std::string& path_in_repo, std::string* why) {
  GitRun show = RunGit({"-C", file.toplevel, "cat-file", "blob", commit + ":" + path_in_repo});
  if (!Ok(show)) {
    *why = show.started && !show.truncated ? "the file does not exist in that commit"
                                           : Reason(show, "");
    return std::nullopt;
  }
  return std::move(show.out);
}

std::optional<std::vector<FileCommit>> FileHistory(const GitFile& file, std::string* why) {
  // -z: records are "\x01HASH DATE\0\nPATH\0", whatever characters the path has.
  GitRun log = RunGit({"-C", file.toplevel, "log", "--follow", "-z", "--name-only",
                       "--format=%x01%H %cs", "--", file.path_in_repo});
  if (!Ok(log)) {
    *why = Reason(log, "git log failed");
    return std::nullopt;
  }
  std::vector<FileCommit> commits;
  std::string_view rest = log.out;
  while (!rest.empty()) {
    size_t start = rest.find('\x01');
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start + 1);
    size_t header_end = rest.find('\0');
    std::string_view header = rest.substr(0, header_end);
    rest.remove_prefix(header_end == std::string_view::npos ? rest.size() : header_end + 1);
    while (rest.starts_with("\n")) rest.remove_prefix(1);
    size_t path_end = rest.find_first_of(std::string_view("\0\x01", 2));
    std::string_view path = rest.substr(0, path_end);
    if (path_end != std::string_view::npos && rest[path_end] == '\0') ++path_end;
    rest.remove_prefix(path_end == std::string_view::npos ? rest.size() : path_end);

    size_t space = header.find(' ');
    FileCommit c;
    c.hash = std::string(header.substr(0, space));
    c.date = space == std::string_view::npos ? "" : std::string(header.substr(space + 1));
    // A merge lists no path; it has the path of the newer commit before it.
    c.path_in_repo = !path.empty()     ? std::string(path)
                     : commits.empty() ? file.path_in_repo
                                       : commits.back().path_in_repo;
    commits.push_back(std::move(c));
  }
  return commits;
}

}  // namespace concord::revise
