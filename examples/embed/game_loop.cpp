// examples/embed/game_loop.cpp: a game-loop host. The engine owns the world and the frame clock;
// a Python script (game.py) scripts the behaviour through a native module `engine` and a
// per-frame callback `on_tick(frame, dt)`. Each tick gets an instruction budget, so a buggy
// script cannot freeze the frame, and an error in one tick is reported without ending the game.
// Native async: `await engine.load_texture(name)` returns at once to the engine, which "loads" the
// file over two frames and then settles the script's eddy::Promise; each frame the host runs
// what the interpreter's event loop has ready (run_ready), so the script's tasks advance
// between ticks without ever blocking the frame.
#include <eddy/eddy.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

struct Entity {
    double x = 0, y = 0;
};

// A texture being loaded for a script: its promise is settled once `ready_frame` comes.
struct Load {
    std::string name;
    int ready_frame;
    eddy::Promise promise;
};

int main(int argc, char** argv) {
    std::string script = argc > 1 ? argv[1] : "game.py";
    std::string log;
    eddy::Config config;
    config.instruction_budget = 100'000;
    config.write_stdout = [&log](std::string_view text) { log += text; };
    eddy::Interpreter py(config);

    std::map<std::string, Entity> world;
    py.module("engine")
        .def("spawn", [&world](std::string name, double x, double y) {
            world[name] = Entity{x, y};
            return name;
        }, {eddy::arg("name"), eddy::arg("x") = 0.0, eddy::arg("y") = 0.0})
        .def("move", [&world](std::string name, double dx, double dy) {
            auto it = world.find(name);
            if (it == world.end()) throw std::out_of_range("no entity " + name);
            it->second.x += dx;
            it->second.y += dy;
            return std::tuple<double, double>{it->second.x, it->second.y};
        })
        .def("entities", [&world]() {
            std::vector<std::string> names;
            for (const auto& [name, e] : world) names.push_back(name);
            return names;
        })
        .set("WIDTH", 100);

    int frame = 0;
    int textures = 0;
    std::vector<Load> loads;
    const std::vector<std::string> files = {"hero.png", "slime.png"};
    py.module("engine").def("load_texture", [&](std::string name) {
        eddy::Promise p = py.promise();
        loads.push_back({name, frame + 2, p});
        return p;   // the script awaits it
    });

    py.exec_file(script);
    eddy::Object on_tick = py.global("on_tick");
    py.create_task(py.global("load_assets")());
    const double dt = 0.5;
    for (; frame < 5; ++frame) {
        try {
            on_tick(frame, dt);
        } catch (const eddy::Error& e) {
            std::printf("frame %d: script error %s\n", frame, e.what());
        }
        // Loads that finished this frame settle their promises; the loop then wakes the tasks.
        for (auto it = loads.begin(); it != loads.end();) {
            if (it->ready_frame > frame) {
                ++it;
                continue;
            }
            if (std::find(files.begin(), files.end(), it->name) != files.end())
                it->promise.resolve("texture#" + std::to_string(++textures));
            else
                it->promise.reject(eddy::Error("FileNotFoundError", "no file " + it->name));
            it = loads.erase(it);
        }
        py.run_ready();
        py.flush();
        std::printf("%s", log.c_str());
        log.clear();
        for (const auto& [name, e] : world)
            std::printf("frame %d: %s at (%.1f, %.1f)\n", frame, name.c_str(), e.x, e.y);
    }
    return 0;
}
