# Install rules and a DFGConfig.cmake so that out-of-tree users can
# find_package(DFG) and link DFG::DFGDialect and friends.
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(DFG_EXPORTED_LIBS DFGShapeUtils DFGDialect DFGShapeTransforms DFGCodegenTransforms DFGMemoryTransforms DFGRuntimeTransforms DFGImportONNX
    DFGToLinalg DFGPipelines DFGRegistration DFGMemoryPlanning)
install(TARGETS ${DFG_EXPORTED_LIBS} EXPORT DFGTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(root include dialects/include passes/include)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${root}/dfg
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.h" PATTERN "*.def" PATTERN "*.td")
  install(DIRECTORY ${PROJECT_BINARY_DIR}/${root}/dfg
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.inc")
endforeach()
install(EXPORT DFGTargets NAMESPACE DFG::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/DFGConfig.cmake.in
  ${PROJECT_BINARY_DIR}/DFGConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg)
install(FILES ${PROJECT_BINARY_DIR}/DFGConfig.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dfg)
