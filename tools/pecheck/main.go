// Command pecheck verifies that a Windows executable is what a clerk should
// get: a 64-bit GUI program (no console window) with an icon and a version
// resource. make dist runs it on the packaged exe.
package main

import (
	"debug/pe"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
)

// Resource type IDs of the PE format.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
)

func main() {
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: pecheck FILE.exe") }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := check(flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
}

func check(path string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("%s: not a 64-bit executable", path)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("%s: subsystem %d, want GUI (%d)", path, oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	types, err := resourceTypes(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, want := range []struct {
		id   uint32
		name string
	}{{rtIcon, "icon"}, {rtGroupIcon, "icon group"}, {rtVersion, "version"}} {
		if types[want.id] == 0 {
			return fmt.Errorf("%s: no %s resource", path, want.name)
		}
	}
	fmt.Printf("%s: PE32+ GUI, %d icon images, version resource present\n", path, types[rtIcon])
	return nil
}

// resourceTypes counts the entries under each type of the resource directory.
func resourceTypes(f *pe.File) (map[uint32]int, error) {
	sec := f.Section(".rsrc")
	if sec == nil {
		return nil, fmt.Errorf("no .rsrc section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("read .rsrc: %w", err)
	}
	entries := func(off uint32) ([][2]uint32, error) {
		if int(off)+16 > len(data) {
			return nil, fmt.Errorf("resource directory out of range")
		}
		n := int(binary.LittleEndian.Uint16(data[off+12:])) + int(binary.LittleEndian.Uint16(data[off+14:]))
		var out [][2]uint32
		for i := 0; i < n; i++ {
			p := int(off) + 16 + 8*i
			if p+8 > len(data) {
				return nil, fmt.Errorf("resource entry out of range")
			}
			out = append(out, [2]uint32{binary.LittleEndian.Uint32(data[p:]), binary.LittleEndian.Uint32(data[p+4:])})
		}
		return out, nil
	}
	top, err := entries(0)
	if err != nil {
		return nil, err
	}
	types := map[uint32]int{}
	for _, e := range top {
		if e[1]&0x80000000 == 0 {
			continue
		}
		sub, err := entries(e[1] &^ 0x80000000)
		if err != nil {
			return nil, err
		}
		types[e[0]] = len(sub)
	}
	return types, nil
}
