# -*- Python -*-
# Runs the gtest binaries built under test/Unit, one lit test per gtest case.

import os

import lit.formats

config.name = "DFG-Unit"
config.suffixes = []
config.test_source_root = os.path.join(config.dfg_obj_root, "test", "Unit")
config.test_exec_root = config.test_source_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
