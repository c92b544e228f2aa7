//go:build !cgo || ci

package startup

// ProbeOpenGL has nothing to probe in a build without the OpenGL driver.
func ProbeOpenGL() error { return nil }

const glBuild = false
