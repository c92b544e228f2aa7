package main

import "nianbao/internal/atomicfile"

// writeFileAtomic writes every -o of every command.
var writeFileAtomic = atomicfile.Write
