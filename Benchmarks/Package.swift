// swift-tools-version: 6.1
// Release-mode benchmark of the SIP parser, kept outside the main package so that its build
// never slows the test suite. Sources/SIP is a symbolic link to the main package's
// Sources/SIP (the main package exports no library product, and this avoids fetching the
// main package's dependencies). Run with Scripts/bench-sip.
import PackageDescription

let package = Package(
    name: "rraudit-benchmarks",
    targets: [
        .target(name: "SIP"),
        .executableTarget(name: "SIPBench", dependencies: ["SIP"]),
    ],
    swiftLanguageModes: [.v6]
)
