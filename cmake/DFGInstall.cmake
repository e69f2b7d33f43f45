# Install rules and a DFGConfig.cmake so that out-of-tree users can
# find_package(DFG) and link DFG::DFGDialect and friends (see
# docs/writing-a-pass.md).
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

# Every library whose header is installed is installed with it.
set(DFG_EXPORTED_LIBS DFGShapeUtils DFGDialect DFGShapeTransforms
    DFGCodegenTransforms DFGMemoryTransforms DFGRuntimeTransforms
    DFGCostTransforms DFGImportONNX DFGToLinalg DFGPipelines DFGRegistration
    DFGMemoryPlanning DFGMachineProfile DFGCostModel DFGCompiler DFGRunner)

# The `dfg/...` include path as a target of its own: the libraries carry it,
# and a pass plugin, which must not link a second copy of the dialect (it
# uses the one dfg-opt exports), links only this.
add_library(DFGHeaders INTERFACE)
foreach(root include dialects/include passes/include)
  target_include_directories(DFGHeaders INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/${root}>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/${root}>)
endforeach()
target_include_directories(DFGHeaders INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
foreach(lib ${DFG_EXPORTED_LIBS})
  target_link_libraries(${lib} PUBLIC DFGHeaders)
endforeach()

install(TARGETS DFGHeaders ${DFG_EXPORTED_LIBS} EXPORT DFGTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(root include dialects/include passes/include)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${root}/dfg
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.h" PATTERN "*.def" PATTERN "*.td")
  install(DIRECTORY ${PROJECT_BINARY_DIR}/${root}/dfg
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.inc" PATTERN CMakeFiles EXCLUDE)
endforeach()
install(EXPORT DFGTargets NAMESPACE DFG::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/DFGConfig.cmake.in
  ${PROJECT_BINARY_DIR}/DFGConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
install(FILES ${PROJECT_BINARY_DIR}/DFGConfig.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg)
