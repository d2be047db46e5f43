// Every harness starts Qt once before the first input (libFuzzer calls this before fuzzing).
#include "fuzzinput.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzInput::startQt();
    return 0;
}
