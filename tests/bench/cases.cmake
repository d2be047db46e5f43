obslink_add_benchmark(bench_cases SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_cases.cpp LIBS ObsLink::Cases ObsLink::DemoData)
