# Sourced by scripts that run in stages: `stage NAME COMMAND...` runs one
# stage and records its wall time; the table of stages is printed when the
# script exits, whether it succeeded or a stage failed.

_stage_names=()
_stage_secs=()
_stage_results=()
_stage_current=""
_stage_started=0
_stages_started=$SECONDS

stage() {
  local name=$1
  shift
  _stage_current=$name
  _stage_started=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$name"
  "$@"
  _stage_record "$name" ok
}

_stage_record() {
  _stage_names+=("$1")
  _stage_secs+=($((SECONDS - _stage_started)))
  _stage_results+=("$2")
  _stage_current=""
}

_stages_report() {
  local status=$?
  [ -n "$_stage_current" ] && _stage_record "$_stage_current" FAILED
  printf '\n\033[1m== stages\033[0m\n'
  printf '%-45s %9s  %s\n' "stage" "wall time" "result"
  local i
  for i in "${!_stage_names[@]}"; do
    printf '%-45s %6dm%02ds  %s\n' "${_stage_names[$i]}" \
      $((_stage_secs[i] / 60)) $((_stage_secs[i] % 60)) "${_stage_results[$i]}"
  done
  local total=$((SECONDS - _stages_started))
  printf '%-45s %6dm%02ds  %s\n' "total" $((total / 60)) $((total % 60)) \
    "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status)")"
  return "$status"
}
trap _stages_report EXIT
