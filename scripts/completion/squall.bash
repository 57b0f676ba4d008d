# bash completion for `squall` (installed as share/bash-completion/completions/squall).
# Subcommands and options are read from `squall --help` and `squall CMD --help`, so the
# completion follows the squall it completes for.

# _squall_help_words prints the words of one section (Subcommands:, Options:) of a help text.
_squall_help_words() {
  local section=$1
  awk -v section="$section" '
    /^[A-Za-z].*:$/ { inside = ($0 == section); next }
    inside && /^  [^ ]/ {
      n = split($1, names, ",")
      for (i = 1; i <= n; i++) print names[i]
    }'
}

_squall() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD-1]}
  local squall=${COMP_WORDS[0]}
  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ -z $command ]]; then
    local words
    if [[ $cur == -* ]]; then
      words=$("$squall" --help 2>/dev/null | _squall_help_words "Options:")
    else
      words=$("$squall" --help 2>/dev/null | _squall_help_words "Subcommands:")
    fi
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return
  fi

  case $prev in
    --root | --out | --modules | --static | --translations)
      COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --data) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --whitespace) COMPREPLY=($(compgen -W "all single oneline" -- "$cur")); return ;;
    --autoescape) COMPREPLY=($(compgen -W "xhtml_escape none" -- "$cur")); return ;;
    --namespace | --only | --index | --only-module | --module-index | --module-names | --locale | \
      --port | --host) return ;;
  esac
  if [[ $cur == -* ]]; then
    local words
    words=$("$squall" "$command" --help 2>/dev/null | _squall_help_words "Options:")
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _squall squall
