// `concord new NAME --template T`: writes NAME.concord, a first charter made
// from one of the governance templates (compiler/templates), adopted today.
// `concord new --list` lists the templates.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/templates/catalogue.h"
#include "compiler/templates/instantiate.h"
#include "runtime/values/date.h"

namespace concord::driver {
namespace {

namespace fs = std::filesystem;

struct NewOptions {
  std::string name;
  std::string template_name;
  std::string out_dir = ".";
  std::string on;  // YYYY-MM-DD; empty means today
  bool list = false;
};

int ListTemplates() {
  size_t width = 0;
  for (const auto& t : templates::Catalogue()) width = std::max(width, t.name.size());
  for (const auto& t : templates::Catalogue()) {
    std::printf("%-*.*s  %s\n", static_cast<int>(width), static_cast<int>(t.name.size()),
                t.name.data(), templates::Description(t).c_str());
  }
  return kExitOk;
}

// Today in the user's time zone: the day they would write on the charter.
values::Date Today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *values::Date::FromCivil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

// Creates `path` only if nothing is there (O_EXCL: no race with another
// writer), and removes it again if the text cannot be written whole, so a
// failure never leaves a partial charter behind.
bool WriteNewFile(const std::string& path, const std::string& text, std::string* why) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *why = std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *why = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *why = std::strerror(errno);
    ::unlink(path.c_str());
    return false;
  }
  return true;
}

int RunNew(const NewOptions& options) {
  if (options.list) return ListTemplates();
  if (options.name.empty() || options.template_name.empty()) {
    std::fputs(
        "error: `concord new` needs a NAME and a template: `concord new NAME --template T`\n"
        "  = help: `concord new --list` lists the templates\n",
        stderr);
    return kExitUsage;
  }
  const templates::CharterTemplate* chosen = templates::FindTemplate(options.template_name);
  if (!chosen) {
    std::fprintf(stderr, "error: no template `%s`\n  = help: the templates are %s\n",
                 options.template_name.c_str(), templates::NameList().c_str());
    return kExitUsage;
  }
  values::Date adopted = Today();
  if (!options.on.empty()) {
    std::string why;
    auto date = values::Date::Parse(options.on, &why);
    if (!date) {
      std::fprintf(stderr, "error: `--on %s` is not a date (YYYY-MM-DD): %s\n", options.on.c_str(),
                   why.c_str());
      return kExitUsage;
    }
    adopted = *date;
  }
  auto result = templates::Instantiate(*chosen, options.name, adopted);
  if (auto* error = std::get_if<templates::InstantiateError>(&result)) {
    std::fprintf(stderr, "error: %s\n", error->message.c_str());
    return kExitUsage;
  }
  std::error_code ec;
  if (!fs::is_directory(options.out_dir, ec)) {
    std::fprintf(stderr, "error: `%s` is not a folder\n", options.out_dir.c_str());
    return kExitUsage;
  }
  // `concord new x` in the current folder says `x.concord`, not `./x.concord`.
  std::string file_name = options.name + ".concord";
  std::string path =
      options.out_dir == "." ? file_name : (fs::path(options.out_dir) / file_name).string();
  std::string why;
  if (!WriteNewFile(path, std::get<std::string>(result), &why)) {
    if (fs::exists(fs::symlink_status(path, ec))) {
      std::fprintf(stderr,
                   "error: `%s` already exists; `concord new` never overwrites a file\n"
                   "  = help: choose another NAME, or another folder with `--out DIR`\n",
                   path.c_str());
    } else {
      std::fprintf(stderr, "error: cannot write `%s`: %s\n", path.c_str(), why.c_str());
    }
    return kExitUsage;
  }
  std::printf("created `%s` from the template `%s`, adopted %s\n", path.c_str(),
              options.template_name.c_str(), adopted.ToString().c_str());
  return kExitOk;
}

}  // namespace

CLI::App* AddNewCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* cmd = app.add_subcommand(
      "new", "Start a charter NAME.concord from a governance template, adopted today");
  cmd->add_option("name", options->name, "The charter's name, also the file's: NAME.concord");
  cmd->add_option("--template,-t", options->template_name,
                  "The template to start from (`concord new --list` lists them)");
  cmd->add_option("--out", options->out_dir, "The folder to write NAME.concord in")
      ->default_str(".");
  cmd->add_option("--on", options->on,
                  "The adoption date to write, YYYY-MM-DD (default: today), for reproducible "
                  "files");
  cmd->add_flag("--list", options->list, "List the templates with a line about each");
  *run = [options] { return RunNew(*options); };
  return cmd;
}

}  // namespace concord::driver
