obslink_add_benchmark(bench_workstation SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_workstation.cpp
  LIBS ObsLink::WorkstationUi ObsLink::DemoData)
target_compile_definitions(bench_workstation PRIVATE
  OBSLINK_WORKSTATION_BINARY="$<TARGET_FILE:obslink>" OBSLINK_CLI_BINARY="$<TARGET_FILE:obslink-cli>")
add_dependencies(bench_workstation obslink obslink-cli)
