# Referrals through a real obslink-center: live notices to 50 waiting workstations of one clinic
# while another sends emergency referrals (the delay to each, against the sender's sync round),
# and a referral carrying a 24 h CTG received whole (against one without it).
obslink_add_benchmark(bench_referrals SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_referrals.cpp
  ${OBSLINK_TEST_CENTER_DIR}/testcenter.h ${OBSLINK_TEST_CENTER_DIR}/testcenter.cpp
  LIBS ObsLink::Sync ObsLink::Referrals ObsLink::CtgRecords Qt6::Test)
target_include_directories(bench_referrals PRIVATE ${OBSLINK_TEST_CENTER_DIR} ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(bench_referrals PRIVATE OBSLINK_CENTER_BINARY="$<TARGET_FILE:obslink-center>"
                                                       OBSLINK_CLI_BINARY="$<TARGET_FILE:obslink-cli>")
add_dependencies(bench_referrals obslink-center obslink-cli)
add_test(NAME bench_referrals COMMAND bench_referrals)
set_tests_properties(bench_referrals PROPERTIES LABELS bench TIMEOUT 600)
