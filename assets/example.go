package assets

import _ "embed"

// ExampleReport is the published 2021 report of 新绛县人民政府 as a
// *.nianbao.json file: a complete, public report a clerk can open to see how
// one is filled in. It is a copy of app/testdata/xinjiang-2021.nianbao.json
// (a test keeps the two identical).
//
//go:embed example/xinjiang-2021.nianbao.json
var ExampleReport []byte
