# examples/embed/game.py: the behaviour scripted for the game_loop host, through its native
# `engine` module. Frame 2 runs away on purpose: the host's instruction budget stops it. The
# assets load in a task that awaits the engine's native async load_texture.
import engine

engine.spawn("hero", x=10)
engine.spawn("slime", 50, 5)


def on_tick(frame, dt):
    x, y = engine.move("hero", 4 * dt, 0)
    if frame == 1:
        print(f"hero reached x={x}")
    if frame == 2:
        while True:      # a bug: the budget ends this tick
            pass
    engine.move("slime", -dt, 0)


async def load_assets():
    print("loading hero.png")
    hero = await engine.load_texture("hero.png")
    print(f"hero.png is {hero}")
    try:
        await engine.load_texture("boss.png")
    except FileNotFoundError as e:
        print(f"no boss: {e}")
