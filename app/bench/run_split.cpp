#include "run_split.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "cli_times.h"

namespace depthstyle::bench {
namespace {

long long monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) {
        out.push_back(field);
    }
    return out;
}

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// A part begun and not yet ended.
struct Open {
    std::string name;
    long long ns = 0;
    double faults = 0.0;
    double cpuMicros = 0.0;
    double anonKb = 0.0;
};

}  // namespace

RunSplit splitTrace(const std::string& output, long long spawnedNs, long long endedNs) {
    RunSplit split;
    split.whole = (endedNs - spawnedNs) / 1e9;
    std::vector<Open> open;
    long long mainBegin = -1;
    long long mainEnd = -1;
    std::stringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        const std::vector<std::string> f = fields(line);
        if (startsWith(line, "depthstyle-trace,") && f.size() >= 7) {
            const std::string& name = f[1];
            const long long ns = std::atoll(f[3].c_str());
            const double faults = std::atof(f[4].c_str());
            const double cpu = std::atof(f[5].c_str());
            const double anon = std::atof(f[6].c_str());
            if (name == "main") {
                (f[2] == "b" ? mainBegin : mainEnd) = ns;
                continue;
            }
            if (f[2] == "b") {
                if (open.empty() && split.parts.count(name) == 0) {
                    split.order.push_back(name);
                }
                split.parentOf[name] = open.empty() ? std::string() : open.back().name;
                open.push_back({name, ns, faults, cpu, anon});
                continue;
            }
            if (open.empty() || open.back().name != name) {
                continue;  // an end without its beginning
            }
            PartCost& cost = split.parts[name];
            cost.seconds += (ns - open.back().ns) / 1e9;
            cost.pageFaults += faults - open.back().faults;
            cost.cpuSeconds += (cpu - open.back().cpuMicros) / 1e6;
            cost.anonymousMb += (anon - open.back().anonKb) / 1024.0;
            open.pop_back();
        } else if (startsWith(line, "onednn_verbose,") && f.size() >= 4 && f[3] == "convolution") {
            const double seconds = std::atof(f.back().c_str()) / 1000.0;
            PartCost* into = open.empty() ? nullptr : &split.parts[open.back().name];
            if (f[1] == "exec") {
                split.convolutions.convSeconds += seconds;
                split.convolutions.convCalls += 1;
                if (into != nullptr) {
                    into->convSeconds += seconds;
                    into->convCalls += 1;
                }
            } else if (startsWith(f[1], "create")) {
                split.convolutions.primitiveSeconds += seconds;
                if (into != nullptr) {
                    into->primitiveSeconds += seconds;
                }
            }
        }
    }
    if (mainBegin < 0 || mainEnd < 0) {
        return split;
    }
    // Convolutions outside every part still count; a part's own cost
    // includes its nested parts'.
    for (const auto& [name, parent] : split.parentOf) {
        if (!parent.empty()) {
            PartCost& outer = split.parts[parent];
            outer.convSeconds += split.parts[name].convSeconds;
            outer.convCalls += split.parts[name].convCalls;
            outer.primitiveSeconds += split.parts[name].primitiveSeconds;
        }
    }
    split.processStart = (mainBegin - spawnedNs) / 1e9;
    split.exit = (endedNs - mainEnd) / 1e9;
    split.rest = split.whole - split.processStart - split.exit;
    for (const std::string& name : split.order) {
        split.rest -= split.parts[name].seconds;
    }
    if (split.convolutions.convSeconds > 0.0) {
        split.wholeOverConvolutions = split.whole / split.convolutions.convSeconds;
    }
    split.ok = true;
    return split;
}

RunSplit traceRun(const std::vector<std::string>& argv) {
    char path[] = "/tmp/depthstyle-trace-XXXXXX";
    const int out = mkstemp(path);
    if (out < 0) {
        return {};
    }
    std::vector<char*> args;
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    // The child's environment, made before the fork (nothing but exec and
    // descriptor calls after it).
    std::vector<std::string> environment{"DEPTHSTYLE_TRACE=1", "DNNL_VERBOSE=2"};
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        if (entry.rfind("DEPTHSTYLE_TRACE=", 0) != 0 && entry.rfind("DNNL_VERBOSE=", 0) != 0) {
            environment.push_back(entry);
        }
    }
    std::vector<char*> envp;
    for (std::string& entry : environment) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    const int null = open("/dev/null", O_WRONLY);
    const long long spawned = monotonicNs();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execve(args[0], args.data(), envp.data());
        _exit(127);
    }
    close(null);
    close(out);
    int status = 0;
    if (pid > 0) {
        waitpid(pid, &status, 0);
    }
    const long long ended = monotonicNs();
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    unlink(path);
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return {};
    }
    return splitTrace(text.str(), spawned, ended);
}

RunSplit medianSplit(const std::vector<RunSplit>& runs) {
    RunSplit m;
    if (runs.empty()) {
        return m;
    }
    const auto over = [&runs](auto figure) {
        std::vector<double> values;
        for (const RunSplit& r : runs) {
            values.push_back(figure(r));
        }
        return median(values);
    };
    m = runs.front();
    m.whole = over([](const RunSplit& r) { return r.whole; });
    m.processStart = over([](const RunSplit& r) { return r.processStart; });
    m.exit = over([](const RunSplit& r) { return r.exit; });
    m.rest = over([](const RunSplit& r) { return r.rest; });
    m.wholeOverConvolutions = over([](const RunSplit& r) { return r.wholeOverConvolutions; });
    const auto medianCost = [&over](auto costOf) {
        PartCost c;
        c.seconds = over([&](const RunSplit& r) { return costOf(r).seconds; });
        c.cpuSeconds = over([&](const RunSplit& r) { return costOf(r).cpuSeconds; });
        c.pageFaults = over([&](const RunSplit& r) { return costOf(r).pageFaults; });
        c.anonymousMb = over([&](const RunSplit& r) { return costOf(r).anonymousMb; });
        c.convSeconds = over([&](const RunSplit& r) { return costOf(r).convSeconds; });
        c.convCalls = over([&](const RunSplit& r) { return costOf(r).convCalls; });
        c.primitiveSeconds = over([&](const RunSplit& r) { return costOf(r).primitiveSeconds; });
        return c;
    };
    for (auto& [name, cost] : m.parts) {
        const std::string key = name;
        cost = medianCost([&key](const RunSplit& r) {
            const auto found = r.parts.find(key);
            return found != r.parts.end() ? found->second : PartCost{};
        });
    }
    m.convolutions = medianCost([](const RunSplit& r) { return r.convolutions; });
    return m;
}

void printSplit(const RunSplit& s, int runs) {
    std::printf(
        "\nWhole run split (median of %d traced runs, DEPTHSTYLE_TRACE=1 DNNL_VERBOSE=2):\n\n"
        "| part | s | share | CPU s | page faults | anonymous MB added | convolutions s "
        "(calls) |\n|---|---|---|---|---|---|---|\n",
        runs);
    const auto row = [&s](const std::string& label, const PartCost& c) {
        char conv[64] = "-";
        if (c.convCalls > 0) {
            std::snprintf(conv, sizeof conv, "%.3f (%.0f)", c.convSeconds, c.convCalls);
        }
        std::printf("| %s | %.3f | %.0f%% | %.2f | %.0f | %.0f | %s |\n", label.c_str(), c.seconds,
                    100.0 * c.seconds / s.whole, c.cpuSeconds, c.pageFaults, c.anonymousMb, conv);
    };
    PartCost start;
    start.seconds = s.processStart;
    std::printf(
        "| process start (exec to main: libraries loaded, their initialisers) | %.3f | "
        "%.0f%% | | | | |\n",
        start.seconds, 100.0 * start.seconds / s.whole);
    for (const std::string& name : s.order) {
        row(name, s.parts.at(name));
        for (const auto& [inner, parent] : s.parentOf) {
            if (parent == name) {
                row("  of which " + inner, s.parts.at(inner));
            }
        }
    }
    std::printf("| exit (main's return to process end) | %.3f | %.0f%% | | | | |\n", s.exit,
                100.0 * s.exit / s.whole);
    std::printf("| not in any part | %.3f | %.0f%% | | | | |\n", s.rest, 100.0 * s.rest / s.whole);
    std::printf("| **whole run** | **%.3f** | 100%% | | | | %.3f (%.0f) |\n", s.whole,
                s.convolutions.convSeconds, s.convolutions.convCalls);
    std::printf(
        "\n- convolutions (oneDNN's own time): %.3f s = %.0f%% of the run; the whole run is "
        "%.2fx its convolutions (median of the runs' ratios); creating oneDNN's primitives took "
        "%.3f s more\n",
        s.convolutions.convSeconds, 100.0 * s.convolutions.convSeconds / s.whole,
        s.wholeOverConvolutions, s.convolutions.primitiveSeconds);
    std::fflush(stdout);
}

void printUntracedWhole(const std::vector<RunSplit>& traced, const std::vector<double>& untraced) {
    std::vector<double> ratios;
    for (size_t i = 0; i < traced.size() && i < untraced.size(); ++i) {
        if (traced[i].convolutions.convSeconds > 0.0) {
            ratios.push_back(untraced[i] / traced[i].convolutions.convSeconds);
        }
    }
    if (ratios.empty()) {
        return;
    }
    std::printf(
        "- the same run untraced (no DEPTHSTYLE_TRACE, no DNNL_VERBOSE), each taken right after "
        "a traced one: whole run %.3f s (median of %zu); **%.2fx the traced run's convolutions** "
        "(median of the pairs' ratios, from %.2fx to %.2fx)\n",
        median(untraced), untraced.size(), median(ratios),
        *std::min_element(ratios.begin(), ratios.end()),
        *std::max_element(ratios.begin(), ratios.end()));
    std::fflush(stdout);
}

}  // namespace depthstyle::bench
