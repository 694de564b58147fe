-- Numbers the threads of a wrk run (thread_id 1, 2, ... in each thread), so each can send its own
-- references and draw its own families: an unseeded math.random gives every thread the same numbers,
-- and repeated references or families are answered as repeats. With ANSINH_LOAD_RUN, several wrk
-- processes at once stay apart too. Loaded by the scripts beside it (wrk runs from bench/).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
