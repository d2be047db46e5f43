obslink_add_benchmark(bench_ctg SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_ctg.cpp LIBS ObsLink::Ctg)
