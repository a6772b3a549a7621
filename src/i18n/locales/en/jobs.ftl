## The background jobs. { $job } is a job's name as it is (e.g. "recount_stats").

jobs-title = Jobs
jobs-queued-notice = The { $job } job is queued to run now.
# { $count }: how many jobs the click changed.
jobs-paused-notice = Jobs are paused ({ $count } changed).
jobs-resumed-notice = Jobs are running again ({ $count } changed).
jobs-background = Background jobs
jobs-lead = Jobs run on their schedule on whichever instance is free, in batches. Pausing stops every job after its current batch; resuming continues where each stopped.
jobs-all-paused = All jobs are paused.
jobs-running = Jobs are running on schedule.
jobs-resume-all = Resume all jobs
jobs-pause-all = Pause all jobs
jobs-on-demand = on demand
jobs-every-days = { $count ->
    [one] every day
   *[other] every { $count } days
}
jobs-every-hours = { $count ->
    [one] every hour
   *[other] every { $count } hours
}
jobs-every-minutes = { $count ->
    [one] every minute
   *[other] every { $count } minutes
}
jobs-state-idle = idle
jobs-state-queued = queued
jobs-state-running = running
jobs-state-paused = paused
jobs-progress-label = Progress of { $job }
# Steps done of all, and the percentage.
jobs-progress = { $done } / { $total } ({ $percent }%)
# Followed by the job's name for screen readers ("Run now recount_stats").
jobs-run-now = Run now
jobs-job = Job
jobs-schedule = Schedule
jobs-state = State
jobs-progress-col = Progress
jobs-last-run = Last run
jobs-next-run = Next run
