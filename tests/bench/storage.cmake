obslink_add_benchmark(bench_storage SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_storage.cpp LIBS ObsLink::DemoData ObsLink::Pinyin)
