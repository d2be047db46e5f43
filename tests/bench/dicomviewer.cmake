# DICOM viewer: sustained cine frame rate through the viewer widget, rendered offscreen, as a
# ratio to the rate of decoding alone in the same run.
if(TARGET obslink_dicom_testdata AND TARGET obslink_dicom-viewer)
  obslink_add_benchmark(bench_dicomviewer SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_dicomviewer.cpp
                        LIBS ObsLink::DicomViewer obslink_dicom_testdata)
endif()
