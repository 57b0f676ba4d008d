# squall_differential's --progress file and its errors (run with cmake -P):
#   -DTOOL=squall_differential -DCXX=compiler -DWORK=scratch folder
# A run records one line per batch; the same run again does no batch and reports the
# whole run; another seed, a damaged file, or a bad number is exit 2 with a message.
set(progress "${WORK}/progress.txt")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(run "${TOOL}" --seed 5 --expressions 6 --templates 2 --batch 1 --cxx "${CXX}"
    --work "${WORK}/work" --progress "${progress}")

function(expect code out_regex)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${code}")
    message(FATAL_ERROR "`${ARGN}` exited ${rc}, expected ${code}:\n${out}${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${out_regex}")
    message(FATAL_ERROR "`${ARGN}` printed:\n${out}${err}\nexpected to match: ${out_regex}")
  endif()
endfunction()

expect(0 "seed 5: 2 templates" ${run})
file(STRINGS "${progress}" lines)
list(LENGTH lines n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected a header and 2 batch lines, got:\n${lines}")
endif()
file(READ "${progress}" before)
file(REMOVE_RECURSE "${WORK}/work")
expect(0 "seed 5: 2 templates" ${run})
file(READ "${progress}" after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "a finished run ran again:\n${after}")
endif()
if(EXISTS "${WORK}/work")
  message(FATAL_ERROR "a finished run built a batch again")
endif()

expect(2 "not a progress file of this run" "${TOOL}" --seed 6 --expressions 6 --templates 2
       --batch 1 --cxx "${CXX}" --work "${WORK}/work" --progress "${progress}")
file(APPEND "${progress}" "batch two\n")
expect(2 "unreadable line \"batch two\"" ${run})
expect(2 "usage: squall_differential" "${TOOL}" --seed x --templates 1 --expressions 1)
expect(2 "usage: squall_differential" "${TOOL}" --seed 1 --templates 1 --expressions 1 --from -3)
