# tests/compiler/freeze_test.cmake: runs the stdlib freeze tool on a scratch tree holding one good
# and one bad module: it must fail, name the bad file with the compiler's message, and write
# nothing; with the bad module fixed, it must freeze the tree as code alone, without the source.
# cmake -DTOOL=... -DWORK=... -P freeze_test.cmake
file(REMOVE_RECURSE ${WORK})
file(WRITE ${WORK}/py/good.py "x = 1\n")
file(WRITE ${WORK}/py/pkg/__init__.py "def f(:\n    pass\n")
execute_process(COMMAND ${TOOL} ${WORK}/py ${WORK}/out.cpp
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "the freeze tool accepted a module that does not compile:\n${out}")
endif()
if(NOT out MATCHES "pkg/__init__.py:1:[0-9]+: SyntaxError: " OR NOT out MATCHES "def f\\(:")
  message(FATAL_ERROR "the freeze tool's message lacks the file, the error or the line:\n${out}")
endif()
if(EXISTS ${WORK}/out.cpp)
  message(FATAL_ERROR "the freeze tool wrote its output despite the error")
endif()
# With the bad module fixed, the same tree freezes.
file(WRITE ${WORK}/py/pkg/__init__.py "def f():\n    pass\n")
execute_process(COMMAND ${TOOL} ${WORK}/py ${WORK}/out.cpp RESULT_VARIABLE rc ERROR_VARIABLE out)
file(READ ${WORK}/out.cpp text)
if(NOT rc EQUAL 0 OR NOT text MATCHES "\\{\"pkg\", \\{Code[0-9]+, [0-9]+\\}, true\\}")
  message(FATAL_ERROR "the freeze tool failed on good modules (${rc}):\n${out}")
endif()
# Only code is embedded: the module's source text must not be in the table.
if(text MATCHES "def f\\(\\)")
  message(FATAL_ERROR "the freeze tool embedded a module's source:\n${text}")
endif()
