from govparse.cli import main

main()
