# -*- Python -*-
# The DFG lit suite: FileCheck tests over the tools, plus the gtest unit
# tests (test/Unit), which lit runs through its googletest format.

import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "DFG"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dfg_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Unit",
                   "Inputs"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%dfg_src_root", config.dfg_src_root))
config.substitutions.append(("%dfg_obj_root", config.dfg_obj_root))
# The cores this process may run on: what a compiled model's default thread
# count resolves to (omp_get_num_procs).
config.substitutions.append(("%cores", str(len(os.sched_getaffinity(0)))))
# Debian's python3 carries python3-onnx (the pyenv one on PATH may not).
config.substitutions.append(
    ("%onnx-txt2pb", "/usr/bin/python3 " +
     os.path.join(config.dfg_src_root, "utils", "onnx-txt2pb.py")))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

# The assertions-and-sanitizer leg of scripts/test.sh runs the compiler's
# own tests again with the tools of build-fuzz (DFG_ENABLE_ASSERTIONS, ASan):
# lit --param dfg_tools_dir=build-fuzz/bin.
# Tools that build does not make (dfg-compile, dfg-run) come from the main
# build.
main_tools_dir = config.dfg_tools_dir
config.dfg_tools_dir = lit_config.params.get("dfg_tools_dir", main_tools_dir)
tool_dirs = [config.dfg_tools_dir, main_tools_dir, config.llvm_tools_dir]
tools = ["dfg-opt", "dfg-translate", "FileCheck", "count", "not", "split-file",
         "dfg-memplan", "dfg-compile", "dfg-run", "dfg-machine-profile",
         "dfg-cost-text", "dfg-cost-model"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Execution tests of the lowering JIT-run lowered IR with upstream's runner
# and its printing helpers (printMemrefF32, ...).
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
config.substitutions.append(
    ("%mlir_runner",
     os.path.join(config.llvm_tools_dir, "mlir-runner") + " -e main "
     "-entry-point-result=void -shared-libs=" +
     os.path.join(llvm_lib_dir, "libmlir_runner_utils.so") + "," +
     os.path.join(llvm_lib_dir, "libmlir_c_runner_utils.so")))

# test/Examples/out-of-tree.test builds examples/out-of-tree against an
# install of this build, with ccache when there is one, and runs its lit suite.
config.substitutions.append(
    ("%cmake_compiler_launcher",
     "-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
     if shutil.which("ccache") else ""))
config.substitutions.append(
    ("%lit", os.path.join(config.llvm_tools_dir, "lit")))

# The importer fuzzer is built separately (scripts/build-fuzzer.sh).
fuzzer = os.path.join(config.dfg_src_root, "build-fuzz", "bin",
                      "dfg-import-fuzzer")
if os.path.exists(fuzzer):
    config.available_features.add("import-fuzzer")
    config.substitutions.append(("%dfg_import_fuzzer", fuzzer))
tensor_fuzzer = os.path.join(config.dfg_src_root, "build-fuzz", "bin",
                             "dfg-tensor-fuzzer")
if os.path.exists(tensor_fuzzer):
    config.available_features.add("tensor-fuzzer")
    config.substitutions.append(("%dfg_tensor_fuzzer", tensor_fuzzer))
capi_fuzzer = os.path.join(config.dfg_src_root, "build-fuzz", "bin",
                           "dfg-capi-fuzzer")
if os.path.exists(capi_fuzzer):
    config.available_features.add("capi-fuzzer")
    config.substitutions.append(("%dfg_capi_fuzzer", capi_fuzzer))
ir_fuzzer = os.path.join(config.dfg_src_root, "build-fuzz", "bin",
                         "dfg-ir-fuzzer")
if os.path.exists(ir_fuzzer):
    config.available_features.add("ir-fuzzer")
    config.substitutions.append(("%dfg_ir_fuzzer", ir_fuzzer))

# The MiniMalloc benchmark instances live in ../shared next to the checkout
# (CI lays it there); tests that read them carry `REQUIRES: minimalloc-data`.
minimalloc_dir = os.path.join(os.path.dirname(config.dfg_src_root), "shared",
                              "data", "minimalloc")
if os.path.isdir(minimalloc_dir):
    config.available_features.add("minimalloc-data")
    config.substitutions.append(("%minimalloc_data", minimalloc_dir))

# The format check compares with the format baseline's commit: it needs the
# repository's history (a clone, not an exported tree).
if os.path.isdir(os.path.join(config.dfg_src_root, ".git")) or \
        os.path.isfile(os.path.join(config.dfg_src_root, ".git")):
    config.available_features.add("git-checkout")

# Training the text cost model needs LibTorch (DFG_ENABLE_TORCH); the
# tests that train carry `REQUIRES: torch` and are skipped without it.
if getattr(config, "dfg_enable_torch", False):
    config.available_features.add("torch")

# GPU tests carry `REQUIRES: cuda`; they are skipped, not failed, on
# machines without an NVIDIA driver.
if shutil.which("nvidia-smi") and os.path.exists("/dev/nvidiactl"):
    config.available_features.add("cuda")

# The ONNX backend-test models and data sets (Debian's libonnx-testdata), for
# the end-to-end tests of dfg-compile and dfg-run.
onnx_node_dir = "/usr/share/libonnx-testdata/data/node"
if os.path.isdir(onnx_node_dir):
    config.available_features.add("onnx-testdata")
    config.substitutions.append(("%onnx_node", onnx_node_dir))
