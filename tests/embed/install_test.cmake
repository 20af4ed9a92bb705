# tests/embed/install_test.cmake: installs the built eddy into a scratch prefix, builds the
# examples as an application would (find_package(eddy), eddy::eddy), and runs them.
# cmake -DBUILD=... -DSOURCE=... -DWORK=... -P install_test.cmake
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}")
  endif()
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE}/examples/embed -B ${WORK}/build -G Ninja
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${WORK}/prefix)
run(${CMAKE_COMMAND} --build ${WORK}/build -j 2)
foreach(example rules_engine game_loop)
  if(example STREQUAL "rules_engine")
    set(arg rules.py)
  else()
    set(arg game.py)
  endif()
  run(${CMAKE_COMMAND} -DPROGRAM=${WORK}/build/${example} -DARG=${arg}
      -DDIR=${SOURCE}/examples/embed -DEXPECTED=${SOURCE}/examples/embed/${example}.exp
      -P ${SOURCE}/tests/embed/run_example.cmake)
endforeach()
