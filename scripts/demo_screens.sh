#!/usr/bin/env bash
# A screenshot of each main screen of tdkt, on the demo's replicas, with no display:
#   scripts/demo_screens.sh TDKT DEMO_DIR [tdkt options...]
# runs TDKT under xvfb-run with a script per replica (tdkt --script) and writes
# DEMO_DIR/screens/NAME.png. Without xvfb-run it says so and does nothing (exit 0).
# scripts/demo.sh calls it at its end when there is no display; a CTest test too.
set -euo pipefail
gui=$1 demo=$2
shift 2
out=$demo/screens

# The main screens, one a line: PNG name | replica in DEMO_DIR | script actions, ';' between
# them (ui/script.hpp: screen NAME, click LABEL, type LABEL = TEXT, wait N...). A screen
# more: one line here.
screens=(
  "01-tai-khoan|xa-binh-lu.db|screen dang-nhap; wait 3"
  "02-ho-so|xa-binh-lu.db|screen ho-so; wait 3"
  "03-sua-ho-so|xa-binh-lu.db|screen ho-so; wait 2; click Nguyễn Văn Đình; wait 4"
  "04-xung-dot|xa-binh-lu.db|screen xung-dot; wait 3"
  "05-tu-choi|xa-binh-lu.db|screen tu-choi; wait 3"
  "06-bao-cao|xa-binh-lu.db|screen bao-cao; wait 2; type Năm báo cáo = 2025; click Lập báo cáo; wait 2; waitreport; wait 3"
  "07-kiem-tra|doan-kiem-tra.db|screen kiem-tra; wait 3"
  "08-theo-doi|doan-kiem-tra.db|screen theo-doi; wait 3"
  "09-phong-trao|xa-binh-lu.db|screen phong-trao; wait 3"
  "10-ca-nhan|xa-binh-lu.db|screen ca-nhan; wait 3"
  "11-don-vi|xa-binh-lu.db|screen don-vi; wait 3"
  "12-tham-chieu|xa-binh-lu.db|screen tham-chieu; wait 3"
  "13-lich-su|xa-binh-lu.db|screen ho-so; wait 2; click Nguyễn Văn Đình; wait 3; click Lịch sử; wait 3"
)

if ! command -v xvfb-run >/dev/null; then
  echo "  không có xvfb-run: bỏ qua chụp màn hình (cài gói xvfb để có ảnh trong $out/)"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out"
# One tdkt run a replica, its screens in the list's order.
replicas=()
for s in "${screens[@]}"; do
  IFS='|' read -r _ db _ <<<"$s"
  [[ " ${replicas[*]} " == *" $db "* ]] || replicas+=("$db")
done
for db in "${replicas[@]}"; do
  [ -f "$demo/$db" ] || { echo "demo_screens: no replica $demo/$db" >&2; exit 1; }
  script=$out/${db%.db}.script.txt
  : >"$script"
  for s in "${screens[@]}"; do
    IFS='|' read -r name sdb actions <<<"$s"
    [ "$sdb" = "$db" ] || continue
    IFS=';' read -ra steps <<<"$actions"
    for step in "${steps[@]}"; do printf '%s\n' "$(echo "$step" | sed 's/^ *//; s/ *$//')" >>"$script"; done
    printf 'shot %s\n' "$name" >>"$script"
  done
  if ! xvfb-run -a -s "-screen 0 1366x768x24" "$gui" --db "$demo/$db" --scale 1 --script "$script" \
      --screenshot "$out" "$@" >"$out/${db%.db}.log" 2>&1; then
    echo "demo_screens: tdkt could not draw the screens of $db:" >&2
    cat "$out/${db%.db}.log" >&2
    exit 1
  fi
  rm -f "$script"
done
n=0
for s in "${screens[@]}"; do
  name=${s%%|*}
  [ -s "$out/$name.png" ] || { echo "demo_screens: $out/$name.png was not written" >&2; exit 1; }
  n=$((n + 1))
done
echo "  $n ảnh màn hình trong $out/:"
ls "$out"/*.png | sed 's/^/    /'
