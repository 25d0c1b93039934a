# A stand-in for qemu-aarch64: logs the command it was given, then runs it.
log="$1"
shift
echo "$*" >> "$log"
exec "$@"
