// swift-tools-version: 6.1
// rraudit: finds SIP routing (Record-Route / Route) defects in packet captures.
// One target per pipeline stage; data flows one way (see ../shared/design.md).
import PackageDescription

let package = Package(
    name: "rraudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rraudit", targets: ["rraudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // libpcap, found through pkg-config (Debian: libpcap-dev).
        .systemLibrary(
            name: "CPcap",
            pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]
        ),
        // zlib, for gzip-compressed captures (Debian: zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Capture", dependencies: ["CPcap", "CZlib"]),
        .target(
            name: "Transport",
            dependencies: [
                "Capture",
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(name: "SIP"),
        .target(name: "Routing", dependencies: ["SIP"]),
        .target(
            name: "Dialogs",
            dependencies: [
                "Transport", "SIP", "Routing",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(name: "Audit", dependencies: ["Dialogs", "Routing", "SIP", "Transport"]),
        .target(name: "Reports", dependencies: ["Audit", "Dialogs", "Routing", "SIP", "Transport"]),
        .executableTarget(
            name: "rraudit",
            dependencies: [
                "Capture", "Transport", "SIP", "Routing", "Dialogs", "Audit", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian: libmimalloc-dev) replaces glibc's malloc for the whole process:
            // analysis allocates and frees millions of small objects, often on another thread
            // than the one that made them. See BENCHMARKS.md for what it measured.
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(name: "CaptureTests", dependencies: ["Capture"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport", "Capture"], exclude: ["Fixtures"]),
        .testTarget(name: "SIPTests", dependencies: ["SIP"], exclude: ["Fixtures"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "SIP"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DialogsTests", dependencies: ["Dialogs", "Transport", "SIP", "Capture"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Dialogs", "Routing", "Transport", "Capture", "SIP"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Audit", "Dialogs", "Transport", "Capture", "SIP"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "rrauditTests", dependencies: [
            "rraudit", "Reports", "Audit", "Capture", "Transport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
