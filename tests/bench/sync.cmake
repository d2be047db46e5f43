# Sync over loopback HTTPS against a real obslink-center (TestCenter): initial sync of 10,000
# pregnancies against a plain SQLite bulk insert of the same rows, 100 changes, 50 clinics at once.
obslink_add_benchmark(bench_sync SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_sync.cpp
  ${OBSLINK_TEST_CENTER_DIR}/testcenter.h ${OBSLINK_TEST_CENTER_DIR}/testcenter.cpp
  LIBS ObsLink::Sync ObsLink::DemoData)
target_include_directories(bench_sync PRIVATE ${OBSLINK_TEST_CENTER_DIR} ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(bench_sync PRIVATE OBSLINK_CENTER_BINARY="$<TARGET_FILE:obslink-center>"
                                              OBSLINK_CLI_BINARY="$<TARGET_FILE:obslink-cli>")
add_dependencies(bench_sync obslink-center obslink-cli)
add_test(NAME bench_sync COMMAND bench_sync)
set_tests_properties(bench_sync PROPERTIES LABELS bench TIMEOUT 1800)
