# Live notices: 50 workstations of one clinic waiting at a real obslink-center while another
# clinic sends emergency referrals; the delay to each, against the sender's sync round.
obslink_add_benchmark(bench_notifications SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_notifications.cpp
  ${OBSLINK_TEST_CENTER_DIR}/testcenter.h ${OBSLINK_TEST_CENTER_DIR}/testcenter.cpp
  LIBS ObsLink::Sync ObsLink::Referrals Qt6::Test)
target_include_directories(bench_notifications PRIVATE ${OBSLINK_TEST_CENTER_DIR})
target_compile_definitions(bench_notifications PRIVATE OBSLINK_CENTER_BINARY="$<TARGET_FILE:obslink-center>"
                                                       OBSLINK_CLI_BINARY="$<TARGET_FILE:obslink-cli>")
add_dependencies(bench_notifications obslink-center obslink-cli)
add_test(NAME bench_notifications COMMAND bench_notifications)
set_tests_properties(bench_notifications PROPERTIES LABELS bench TIMEOUT 600)
