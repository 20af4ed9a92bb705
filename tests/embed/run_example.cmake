# tests/embed/run_example.cmake: runs an example host program and compares its stdout with the
# expected text. cmake -DPROGRAM=... -DARG=... -DDIR=... -DEXPECTED=... -P run_example.cmake
execute_process(COMMAND ${PROGRAM} ${ARG} WORKING_DIRECTORY ${DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ ${EXPECTED} expected)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} ${ARG}: status ${rc}\n--- stdout\n${out}--- expected\n"
                      "${expected}--- stderr\n${err}")
endif()
