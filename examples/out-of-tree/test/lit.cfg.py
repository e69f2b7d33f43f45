# -*- Python -*-
# The example's tests: the plugin inside the installed dfg-opt, and the
# example's own tools.

import os

import lit.formats

config.name = "DFG out-of-tree example"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.example_obj_root, "test")

config.substitutions.append(
    ("%dfg_opt", os.path.join(config.dfg_tools_dir, "dfg-opt")))
config.substitutions.append(("%plugin", config.plugin))
config.substitutions.append(("%second_copy_plugin", config.second_copy_plugin))
config.substitutions.append(
    ("%example_opt",
     os.path.join(config.example_obj_root, "bin", "dfg-example-opt")))
# FileCheck and not from the LLVM that DFG was built with.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
