// Program: lowers the module (lowering.h), optimises it at O1 with the new
// pass manager, hands it to ORC LLJIT with the runtime helpers defined as
// absolute symbols in the main JITDylib, and looks every entry point up once.
// Evaluate and Call then only call native function pointers.
#include "runtime/jit/jit.h"

#include <fmt/format.h>
#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/ExecutionEngine/SectionMemoryManager.h>
#include <llvm/IR/PassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>

#include <chrono>
#include <mutex>

#include "runtime/interp/depth.h"
#include "runtime/interp/fits.h"
#include "runtime/jit/context.h"
#include "runtime/jit/entry_table.h"
#include "runtime/jit/helpers.h"
#include "runtime/jit/lowering.h"

namespace concord::jit {

namespace {

// bool entry(Context*, const Value* inputs, Value* out, int32_t level, uintptr_t stack_limit):
// the body is evaluated at `level` (runtime/interp/depth.h).
// `out` is a values::Value, or for a condition (a root of type bool) a byte.
using Entry = bool (*)(Context*, const values::Value*, void*, int32_t, uintptr_t);

// A compiled root: its entry, and whether it is a condition.
struct RootEntry {
  Entry fn = nullptr;
  bool condition = false;
};

void InitialiseNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

std::string ErrorText(llvm::Error e) {
  return llvm::toString(std::move(e));
}

// A short function pipeline instead of O1 or O2: SROA puts the lowering's
// allocas in registers, EarlyCSE and InstCombine fold the boxing and
// overflow checks, SimplifyCFG merges the check blocks. On the federation
// rules it runs as fast as O1 (within noise; O1 was within 5% of O2) and
// takes a tenth of O1's time: O1's interprocedural passes (inliner,
// function attributes, call graph) cost 1.4 s of the 1.8 s compile at scale
// 0.1 and bought nothing, since the time is in the runtime helpers.
void Optimise(llvm::Module& module, llvm::TargetMachine* machine) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::FunctionPassManager fpm;
  fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  fpm.addPass(llvm::EarlyCSEPass());
  fpm.addPass(llvm::InstCombinePass());
  fpm.addPass(llvm::SimplifyCFGPass());
  llvm::ModulePassManager passes;
  passes.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(fpm)));
  passes.run(module, mam);
}

size_t CountInstructions(const llvm::Module& module) {
  size_t n = 0;
  for (const llvm::Function& f : module) n += f.getInstructionCount();
  return n;
}

// The compiled addresses of `symbols`, as a table; false and *lost when
// the JIT did not materialise one.
// `make(key, entry)` gives the table's entry of a key.
template <typename Key, typename TableEntry, typename Make>
bool Resolve(const llvm::orc::SymbolMap& found,
             const std::vector<std::pair<const Key*, llvm::orc::SymbolStringPtr>>& symbols,
             EntryTable<Key, TableEntry>* table, std::string* lost, Make make) {
  std::vector<std::pair<const Key*, TableEntry>> entries;
  entries.reserve(symbols.size());
  for (const auto& [key, symbol] : symbols) {
    auto it = found.find(symbol);
    if (it == found.end()) {
      *lost = *symbol;
      return false;
    }
    entries.emplace_back(key, make(key, it->second.getAddress().template toPtr<Entry>()));
  }
  *table = EntryTable<Key, TableEntry>(entries);
  return true;
}

}  // namespace

struct Program::Impl {
  NodeTable table;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  EntryTable<ir::Root, RootEntry> roots;
  EntryTable<ir::Function, Entry> functions;
  CompileStats stats;
};

Program::Program(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Program::~Program() = default;

const CompileStats& Program::stats() const {
  return impl_->stats;
}

std::unique_ptr<Program> Program::Compile(const ir::Module& module, std::string* error,
                                          size_t max_instructions) {
  auto start = std::chrono::steady_clock::now();
  InitialiseNativeTarget();
  auto impl = std::make_unique<Impl>();

  auto fail = [&](std::string why) -> std::unique_ptr<Program> {
    if (error) *error = std::move(why);
    return nullptr;
  };

  llvm::Expected<llvm::orc::JITTargetMachineBuilder> jtmb =
      llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) return fail("cannot describe the host: " + ErrorText(jtmb.takeError()));
  // Instruction selection and register allocation at the default level were
  // more than half of the compile time and bought nothing measurable: the
  // compiled code spends its time in the runtime helpers
  // (docs/reference-jit.md, "Compile cost").
  jtmb->setCodeGenOptLevel(llvm::CodeGenOptLevel::None);
  // RuntimeDyld rather than LLJIT's default JITLink linker: with JITLink the
  // time and memory of code generation and linking grew with the square of
  // the module (the federation benchmark at scale 1, 834,000 instructions,
  // compiled in 120 s with a 15.7 GB peak, against 8.3 s and 1.4 GB here;
  // docs/reference-jit.md, "Compile cost").
  llvm::Expected<std::unique_ptr<llvm::orc::LLJIT>> jit =
      llvm::orc::LLJITBuilder()
          .setJITTargetMachineBuilder(*jtmb)
          .setObjectLinkingLayerCreator(
              [](llvm::orc::ExecutionSession& session, const llvm::Triple&) {
                return std::make_unique<llvm::orc::RTDyldObjectLinkingLayer>(
                    session, [] { return std::make_unique<llvm::SectionMemoryManager>(); });
              })
          .create();
  if (!jit) return fail("cannot start LLJIT: " + ErrorText(jit.takeError()));
  impl->jit = std::move(*jit);
  llvm::orc::LLJIT& lljit = *impl->jit;

  // The helpers, at their addresses in this process: nothing is resolved
  // through the process's symbol table.
  llvm::orc::SymbolMap helpers;
  for (const HelperSymbol& h : HelperSymbols()) {
    helpers[lljit.mangleAndIntern(h.name)] = {
        llvm::orc::ExecutorAddr::fromPtr(h.address),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  }
  if (llvm::Error e = lljit.getMainJITDylib().define(llvm::orc::absoluteSymbols(helpers))) {
    return fail("cannot define the JIT's runtime helpers: " + ErrorText(std::move(e)));
  }

  auto context = std::make_unique<llvm::LLVMContext>();
  Lowered lowered = Lower(module, *context, impl->table);
  llvm::Module& m = *lowered.module;
  m.setDataLayout(lljit.getDataLayout());
  m.setTargetTriple(lljit.getTargetTriple().str());
  std::string broken;
  llvm::raw_string_ostream broken_stream(broken);
  if (llvm::verifyModule(m, &broken_stream)) {
    return fail("the JIT produced invalid LLVM IR: " + broken_stream.str());
  }
  if (size_t lowered_size = CountInstructions(m); lowered_size > max_instructions) {
    return fail(fmt::format("the program lowers to {} LLVM instructions, more than the limit of {}",
                            lowered_size, max_instructions));
  }
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> machine = jtmb->createTargetMachine();
  if (!machine) return fail("cannot target the host: " + ErrorText(machine.takeError()));
  Optimise(m, machine->get());
  impl->stats.llvm_instructions = CountInstructions(m);
  impl->stats.functions = lowered.functions.size();
  impl->stats.roots = lowered.roots.size();

  if (llvm::Error e = lljit.addIRModule(
          llvm::orc::ThreadSafeModule(std::move(lowered.module), std::move(context)))) {
    return fail("cannot add the module to the JIT: " + ErrorText(std::move(e)));
  }
  // One lookup for every entry point: the module is materialised once.
  llvm::orc::SymbolLookupSet wanted;
  std::vector<std::pair<const ir::Root*, llvm::orc::SymbolStringPtr>> root_symbols;
  std::vector<std::pair<const ir::Function*, llvm::orc::SymbolStringPtr>> function_symbols;
  for (const auto& [root, name] : lowered.roots) {
    root_symbols.emplace_back(root, lljit.mangleAndIntern(name));
    wanted.add(root_symbols.back().second);
  }
  for (const auto& [fn, name] : lowered.functions) {
    function_symbols.emplace_back(fn, lljit.mangleAndIntern(name));
    wanted.add(function_symbols.back().second);
  }
  llvm::Expected<llvm::orc::SymbolMap> found = lljit.getExecutionSession().lookup(
      llvm::orc::makeJITDylibSearchOrder(&lljit.getMainJITDylib()), std::move(wanted));
  if (!found) return fail("cannot compile the module: " + ErrorText(found.takeError()));
  std::string lost;
  auto root_entry = [&](const ir::Root* root, Entry fn) {
    return RootEntry{fn, lowered.conditions.count(root) > 0};
  };
  auto function_entry = [](const ir::Function*, Entry fn) { return fn; };
  if (!Resolve(*found, root_symbols, &impl->roots, &lost, root_entry) ||
      !Resolve(*found, function_symbols, &impl->functions, &lost, function_entry)) {
    return fail(fmt::format("the JIT lost `{}`", lost));
  }
  impl->stats.compile_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return std::unique_ptr<Program>(new Program(std::move(impl)));
}

namespace {

// Whether a compiled entry may run, or the interpreter must: no anchor date
// (three-valued logic at compile time), fields traced, inputs that do not
// fit (the interpreter words the error), nothing compiled.
bool CanRunNative(Entry entry, const std::vector<ir::Variable>& params,
                  std::span<const values::Value> args, const interp::EvalOptions& options) {
  if (!entry || !options.anchor || options.trace_fields) return false;
  if (args.size() != params.size()) return false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!interp::Fits(args[i], params[i].type)) return false;
  }
  return true;
}

// UBSan's -fsanitize=function checks an indirect call by reading a signature
// in the 8 bytes before the callee; compiled code has none, and when it
// starts a page those bytes may not be mapped (a SEGV in the sanitizer
// build only). The entry's type is the one the lowering declared.
#if defined(__clang__)
#define CONCORD_NO_SANITIZE_FUNCTION __attribute__((no_sanitize("function")))
#else
#define CONCORD_NO_SANITIZE_FUNCTION
#endif

// Calls an entry CanRunNative accepted, writing its result into `out`;
// false when it stopped (ctx then says why).
CONCORD_NO_SANITIZE_FUNCTION bool CallEntry(Entry entry, Context& ctx, const NodeTable& table,
                                            std::span<const values::Value> args,
                                            const interp::EvalOptions& options, void* out) {
  ctx.options = &options;
  ctx.table = &table;
  return entry(&ctx, args.data(), out, interp::EvaluationBase(), interp::StackLimit());
}

// The Outcome of an entry that stopped: the interpreter's when the entry
// gave up for it, else the error the helpers recorded.
template <typename Interpret>
interp::Outcome Stopped(Context& ctx, Interpret interpret) {
  if (ctx.needs_interpreter) return interpret();
  interp::Outcome out;
  out.status = interp::Status::kError;
  out.error = ctx.error ? std::move(ctx.error)
                        : std::optional<interp::RuntimeError>(interp::MakeRuntimeError(
                              diag::Code::R025, {}, "evaluation failed without a reason"));
  return out;
}

// Runs an entry CanRunNative accepted. Builds the one Outcome the caller
// returns: the per-call cost matters when each call is a few dozen
// instructions of rule. A compiled body that would reach the depth limit or
// the stack's end gives up before it starts (Lowering::Enter): then
// `interpret` evaluates the entry again, from the same level, and its
// Outcome is the answer. Host questions do not change the run's state, so
// asking again is safe.
template <typename Interpret>
interp::Outcome RunNative(Entry entry, const NodeTable& table, std::span<const values::Value> args,
                          const interp::EvalOptions& options, Interpret interpret) {
  if (interp::StackExhausted()) return interpret();
  Context ctx;
  interp::Outcome out;
  if (CallEntry(entry, ctx, table, args, options, &out.value)) return out;
  return Stopped(ctx, interpret);
}

// RunNative for a condition, whose entry writes a byte: the Value is made
// here, inline, rather than by a helper.
template <typename Interpret>
interp::Outcome RunCondition(Entry entry, const NodeTable& table,
                             std::span<const values::Value> args,
                             const interp::EvalOptions& options, Interpret interpret) {
  if (interp::StackExhausted()) return interpret();
  Context ctx;
  uint8_t holds = 0;
  if (!CallEntry(entry, ctx, table, args, options, &holds)) return Stopped(ctx, interpret);
  interp::Outcome out;
  out.value = values::Value::MakeBool(holds != 0);
  return out;
}

}  // namespace

interp::Outcome Program::Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                                  const interp::EvalOptions& options) const {
  RootEntry entry = impl_->roots.Find(&root);
  auto interpret = [&] { return interp::Evaluate(root, inputs, options); };
  if (!CanRunNative(entry.fn, root.inputs, inputs, options)) return interpret();
  if (entry.condition) return RunCondition(entry.fn, impl_->table, inputs, options, interpret);
  return RunNative(entry.fn, impl_->table, inputs, options, interpret);
}

std::optional<bool> Program::Decide(const ir::Root& root, std::span<const values::Value> inputs,
                                    const interp::EvalOptions& options) const {
  RootEntry entry = impl_->roots.Find(&root);
  if (!entry.condition || !CanRunNative(entry.fn, root.inputs, inputs, options) ||
      interp::StackExhausted()) {
    return std::nullopt;
  }
  Context ctx;
  uint8_t holds = 0;
  if (!CallEntry(entry.fn, ctx, impl_->table, inputs, options, &holds)) return std::nullopt;
  return holds != 0;
}

interp::Outcome Program::Call(const ir::Function& fn, std::span<const values::Value> args,
                              const interp::EvalOptions& options) const {
  Entry entry = impl_->functions.Find(&fn);
  if (CanRunNative(entry, fn.params, args, options)) {
    return RunNative(entry, impl_->table, args, options,
                     [&] { return interp::Call(fn, args, options); });
  }
  return interp::Call(fn, args, options);
}

std::string LlvmVersion() {
  return std::string("LLVM ") + LLVM_VERSION_STRING + ", " + llvm::sys::getProcessTriple();
}

}  // namespace concord::jit
